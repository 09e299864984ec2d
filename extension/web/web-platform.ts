import { TokenPairSchema } from '@sufler/shared';
import type { ResumeStorage } from '../features/cockpit/resume';
import { storedPendingInput, type PendingInputStorage, type StoredValue } from '../lib/pending-input-storage';
import type { Platform, SettingsPort } from '../lib/platform';
import { parseResumePoint, parseSettings, ResumePointSchema, SettingsSchema, type Settings } from '../lib/settings';
import type { TokenStorage } from '../lib/token-storage';

/**
 * The web cockpit's platform: the API is the page's own origin (it served the page), the language and the
 * resume point and what the rep typed but the API does not have yet (outbox, drafts) live in localStorage, the tokens in sessionStorage (gone with the tab, like the extension's
 * `storage.session`). Everything read back is validated with the extension's schemas: storage outlives code
 * versions and anyone can edit it in devtools, so a bad value falls back to the default.
 */

/** The part of the Web Storage API used here, so tests (and browsers that refuse storage) can pass another. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const WEB_KEYS = {
  settings: 'sufler.settings',
  resume: 'sufler.resume',
  auth: 'sufler.auth',
  outbox: 'sufler.outbox',
  drafts: 'sufler.drafts',
} as const;

export interface WebPlatformOptions {
  origin: string;
  local: KeyValueStore;
  session: KeyValueStore;
  /** Where other tabs' `storage` events arrive; absent in tests that do not need them. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/** JSON from a store; null for absent, unreadable or unparsable values (the caller's schema decides the rest). */
function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const raw = store.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

/** Writing can fail (quota, a browser's private mode): the cockpit keeps working for this page's life. */
function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  try {
    if (value === null) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: the value simply will not survive a reload.
  }
}

function webSettings({ origin, local, events }: WebPlatformOptions): SettingsPort {
  // Only the language is stored: the API address is always the origin that served the page.
  const read = (): Settings => {
    const stored = readJson(local, WEB_KEYS.settings) as { language?: unknown } | null;
    return parseSettings({ apiUrl: origin, language: stored?.language });
  };
  const listeners = new Set<(settings: Settings) => void>();
  return {
    load: async () => read(),
    async save(settings) {
      const parsed = SettingsSchema.parse({ ...settings, apiUrl: origin });
      writeJson(local, WEB_KEYS.settings, { language: parsed.language });
      // `storage` events reach only the other tabs; this one is told directly.
      for (const listener of listeners) listener(parsed);
      return parsed;
    },
    watch(callback) {
      listeners.add(callback);
      const onStorage = (event: StorageEvent) => {
        if (event.key === WEB_KEYS.settings || event.key === null) callback(read());
      };
      events?.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(callback);
        events?.removeEventListener('storage', onStorage);
      };
    },
  };
}

function webTokens(store: KeyValueStore): TokenStorage {
  return {
    async load() {
      const parsed = TokenPairSchema.safeParse(readJson(store, WEB_KEYS.auth));
      return parsed.success ? parsed.data : null;
    },
    async save(tokens) {
      writeJson(store, WEB_KEYS.auth, tokens === null ? null : TokenPairSchema.parse(tokens));
    },
  };
}

function webResume(store: KeyValueStore): ResumeStorage {
  return {
    load: async () => parseResumePoint(readJson(store, WEB_KEYS.resume)),
    async save(point) {
      writeJson(store, WEB_KEYS.resume, point === null ? null : ResumePointSchema.parse(point));
    },
  };
}

/**
 * The outbox and drafts in localStorage, so a reload of the page loses no queued input; the validation and
 * the write queue are the extension's (lib/pending-input-storage.ts). A write that fails (quota, private mode)
 * is dropped: the conversation keeps its outbox in memory and sends it for as long as the page lives.
 */
export function webPendingInput(store: KeyValueStore): PendingInputStorage {
  const value = (key: string): StoredValue => ({
    getValue: async () => readJson(store, key),
    setValue: async (next) => writeJson(store, key, next),
  });
  return storedPendingInput({ outbox: value(WEB_KEYS.outbox), drafts: value(WEB_KEYS.drafts) });
}

export function createWebPlatform(options: WebPlatformOptions): Platform {
  return {
    kind: 'web',
    settings: webSettings(options),
    tokens: webTokens(options.session),
    resume: webResume(options.local),
    pendingInput: webPendingInput(options.local),
  };
}

/** A store in memory, for tests and for browsers that refuse Web Storage (where touching it throws). */
export function memoryKeyValueStore(initial: Record<string, string> = {}): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
  };
}

/** `window.localStorage` itself throws where storage is disabled; fall back to memory there. */
export function webStorageOr(get: () => Storage): KeyValueStore {
  try {
    const store = get();
    store.getItem(WEB_KEYS.settings);
    return store;
  } catch {
    return memoryKeyValueStore();
  }
}
