import { createHmac } from 'node:crypto';
import { searchQueryTerms, transcriptSearchTerms } from '@sufler/shared';
import type { CallRow } from './call.entity';

/**
 * Transcript search without plaintext at rest: each stem (`transcriptSearchTerms`, inflection- and
 * diacritics-tolerant) is stored as a keyed hash, and a query's stems are hashed the same way, so
 * `search_terms @> query` finds calls while the column reveals no words to someone without the key.
 */
export type SearchTermHasher = (stem: string) => string;

export const createSearchTermHasher = (key: Uint8Array): SearchTermHasher => (stem) =>
  createHmac('sha256', key).update(stem).digest('base64url').slice(0, 16);

/** Sets the call's search column from the texts of all its segments (as the caller has them loaded). */
export function refreshSearchTerms(call: CallRow, texts: readonly string[], hash: SearchTermHasher): void {
  call.searchTerms = [...new Set(transcriptSearchTerms(texts.join('\n')).map(hash))];
}

/** The hashed stems a query must all match; empty when the query has no searchable word. */
export const queryTerms = (query: string, hash: SearchTermHasher): string[] => [...new Set(searchQueryTerms(query).map(hash))];
