import { ENTITY_KINDS, type EntityKind, type KeyFacts, type Language } from '@sufler/shared';
import type { MessageKey, Translate } from '../../lib/i18n';
import type { ClientFile } from '../cockpit/cockpit-client';

type FileSession = ClientFile['sessions'][number];

/** What the history screen shows, from `clients.history`. */
export interface ClientHistoryView {
  client: ClientFile['client'];
  summary: string | null;
  keyFacts: [key: string, value: string][];
  /** Newest first. */
  sessions: FileSession[];
  /** The open session "continue" resumes; null when the next conversation starts a new session. */
  openSession: FileSession | null;
}

export function clientHistoryOf(file: ClientFile): ClientHistoryView {
  const sessions = [...file.sessions].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return {
    client: file.client,
    summary: file.summary?.trim() ? file.summary : null,
    keyFacts: orderedFacts(file.keyFacts),
    sessions,
    openSession: sessions.find((s) => s.endedAt === null) ?? null,
  };
}

/** Known kinds in vocabulary order, then facts typed under other keys, alphabetically; blank ones dropped. */
function orderedFacts(facts: KeyFacts): [string, string][] {
  const rank = (key: string) => {
    const index = ENTITY_KINDS.indexOf(key as EntityKind);
    return index === -1 ? ENTITY_KINDS.length : index;
  };
  return Object.entries(facts)
    .filter(([, value]) => value.trim() !== '')
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

const isEntityKind = (key: string): key is EntityKind => (ENTITY_KINDS as readonly string[]).includes(key);

/** A key fact's label: translated for the kinds the analysis extracts, as typed otherwise. */
export const factLabel = (t: Translate, key: string) => (isEntityKind(key) ? t(`fact.${key}` as MessageKey) : key);

/** "3 obserwacje", "5 obserwacji", "1 observation": the plural form the language needs. */
export function observationsText(t: Translate, language: Language, count: number): string {
  const category = new Intl.PluralRules(language).select(count);
  const form = category === 'one' || category === 'few' || category === 'many' ? category : 'other';
  return `${count} ${t(`history.observations.${form}`)}`;
}

/** A moment in the UI's language, e.g. "1 sty 2026, 10:00"; the zone is a parameter so tests can fix it. */
export function formatWhen(iso: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone && { timeZone }),
  }).format(new Date(iso));
}
