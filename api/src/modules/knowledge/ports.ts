/**
 * The Embedder and VectorIndex ports. Adapters live in `api/src/adapters/`; the knowledge service
 * only sees these.
 */
export interface Embedder {
  /** Names the model and its version: the index records it and re-indexes when it changes. */
  readonly id: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

export type VectorHit = { id: string; score: number };

export type IndexedVector = { id: string; vector: Float32Array; module: string | null };

export interface VectorIndex {
  readonly kind: 'pgvector' | 'qdrant' | 'memory';
  /** The embedder id that produced the stored vectors, or null for an empty index. */
  embedderId(): Promise<string | null>;
  /** Replaces every stored vector (a full re-index) and records which embedder made them. */
  replaceAll(embedder: { id: string; dimensions: number }, entries: IndexedVector[]): Promise<void>;
  /** Nearest vectors by cosine similarity (1 = same direction), best first. */
  search(vector: Float32Array, limit: number, filter?: { modules?: string[] }): Promise<VectorHit[]>;
  count(): Promise<number>;
}

/** Why an embedder failed; the knowledge service branches on `code` (e.g. falls back to offline). */
export type EmbedderErrorCode =
  /** Nothing answered at the configured address (refused, DNS, TLS, dropped connection). */
  | 'unreachable'
  /** The server answered that it does not have the model (Ollama 404: pull it first). */
  | 'model-not-found'
  /** The server refused the request for another reason (HTTP 4xx/5xx). */
  | 'rejected'
  /** The server answered, but not with one vector per text of the expected size. */
  | 'bad-response';

export class EmbedderError extends Error {
  constructor(
    readonly code: EmbedderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbedderError';
  }
}
