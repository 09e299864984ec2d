import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { IdSchema, TokenPairSchema } from '@sufler/shared';
import { DEFAULT_API_URL } from './health';
import type { TokenStorage } from './token-storage';

/**
 * Every piece of browser state the extension keeps, typed in this one file (house style, "Extension").
 * Values are validated when read: storage outlives code versions and can be edited by hand in devtools,
 * so anything that does not parse falls back to the default instead of breaking the panel.
 */

export const LanguageSchema = z.enum(['pl', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** An http(s) address of the API; the URL constructor alone would also accept `javascript:` and friends. */
export const ApiUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Not an http(s) address')
  .transform((value) => value.replace(/\/+$/, ''));

export const SettingsSchema = z.object({
  apiUrl: ApiUrlSchema,
  language: LanguageSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { apiUrl: DEFAULT_API_URL, language: 'pl' };

/** Field by field, so one bad value (say an old language code) does not throw away a good API address. */
export function parseSettings(raw: unknown): Settings {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const apiUrl = ApiUrlSchema.safeParse(record.apiUrl);
  const language = LanguageSchema.safeParse(record.language);
  return {
    apiUrl: apiUrl.success ? apiUrl.data : DEFAULT_SETTINGS.apiUrl,
    language: language.success ? language.data : DEFAULT_SETTINGS.language,
  };
}

// Stored as `unknown`: what comes back from storage is untrusted until parseSettings has looked at it.
const settingsItem = storage.defineItem<unknown>('local:settings');

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Validates before writing, so storage only ever holds values the reader accepts. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const parsed = SettingsSchema.parse(settings);
  await settingsItem.setValue(parsed);
  return parsed;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}

/**
 * Tokens go to `storage.session` (kept in memory, gone when the browser closes) where the browser has it,
 * otherwise to `storage.local`. The area is chosen on first use rather than at import.
 */
export function browserTokenStorage(hasSessionArea: () => boolean = defaultHasSessionArea): TokenStorage {
  const item = () => storage.defineItem<unknown>(hasSessionArea() ? 'session:auth' : 'local:auth');
  return {
    async load() {
      const parsed = TokenPairSchema.safeParse(await item().getValue());
      return parsed.success ? parsed.data : null;
    },
    async save(tokens) {
      await item().setValue(tokens);
    },
  };
}

function defaultHasSessionArea(): boolean {
  const g = globalThis as { browser?: { storage?: { session?: unknown } }; chrome?: { storage?: { session?: unknown } } };
  return Boolean((g.browser ?? g.chrome)?.storage?.session);
}

/**
 * The conversation the panel had open, so reopening it (or reloading) resumes the same session.
 * Ids only: the session itself is fetched again and checked to still be open.
 */
export const ResumePointSchema = z.object({
  clientId: IdSchema,
  sessionId: IdSchema,
});
export type ResumePoint = z.infer<typeof ResumePointSchema>;

export function parseResumePoint(raw: unknown): ResumePoint | null {
  const parsed = ResumePointSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const resumeItem = storage.defineItem<unknown>('local:resume');

/** The cockpit's resume point in `storage.local` (it fits the cockpit's `ResumeStorage`). */
export const browserResumeStorage = {
  async load(): Promise<ResumePoint | null> {
    return parseResumePoint(await resumeItem.getValue());
  },
  async save(point: ResumePoint | null): Promise<void> {
    if (point === null) await resumeItem.removeValue();
    else await resumeItem.setValue(ResumePointSchema.parse(point));
  },
};
