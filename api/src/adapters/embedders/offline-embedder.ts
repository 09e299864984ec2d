import { EMBEDDING_DIMENSIONS, embedHashedNgrams } from '@sufler/shared';
import type { Embedder } from '../../modules/knowledge/ports';

/** Bump the version when `embedHashedNgrams` changes its output: the index then re-embeds. */
export const OFFLINE_EMBEDDER_ID = 'offline-ngram-384@1';

/** The built-in embedder: hashed character n-grams, no model and no network (see `embedHashedNgrams`). */
export function createOfflineEmbedder(): Embedder {
  return {
    id: OFFLINE_EMBEDDER_ID,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts, signal) {
      signal?.throwIfAborted();
      return texts.map((text) => embedHashedNgrams(text));
    },
  };
}
