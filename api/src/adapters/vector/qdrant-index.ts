import { createHash } from 'node:crypto';
import { QdrantClient } from '@qdrant/js-client-rest';
import type { VectorHit, VectorIndex } from '../../modules/knowledge/ports';

export type QdrantIndexOptions = {
  /** e.g. `http://127.0.0.1:6333`. */
  url: string;
  apiKey?: string;
  collection?: string;
  /** Points per upsert request: 256 × 384 floats is about 2 MB of JSON, well under Qdrant's 32 MB limit. */
  batchSize?: number;
};

/** RFC 4122's URL namespace; our names are `urn:sufler:knowledge:<entry id>`. */
const UUID_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/**
 * Vector search in a Qdrant collection (Cosine distance). The embedder id lives in the
 * collection's metadata (Qdrant 1.16+), written only after the last point is in: a re-index cut
 * short reads as "no embedder" and is done again. Qdrant point ids must be unsigned integers or
 * UUIDs, so each point has a UUID derived from our id and carries our id in its payload.
 */
export function createQdrantIndex(options: QdrantIndexOptions): VectorIndex {
  const { url, apiKey, collection = 'sufler_knowledge', batchSize = 256 } = options;
  // No version check: it only logs, and would do so on every start where Qdrant is down.
  const client = new QdrantClient({ url, ...(apiKey && { apiKey }), checkCompatibility: false });

  /** Runs one call; a missing collection is an empty index, so `ifMissing` answers for it. */
  async function call<T>(what: string, request: () => Promise<T>, ifMissing?: () => T): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (ifMissing && statusOf(error) === 404) return ifMissing();
      throw describe(error, url, `${what} in ${collection}`);
    }
  }

  return {
    kind: 'qdrant',
    async embedderId() {
      const info = await call('read the collection', () => client.getCollection(collection), () => null);
      const embedder = info?.config.metadata?.embedder;
      return typeof embedder === 'string' ? embedder : null;
    },
    async count() {
      const { count } = await call('count points', () => client.count(collection, { exact: true }), () => ({ count: 0 }));
      return count;
    },
    async replaceAll(embedder, entries) {
      const { id: embedderId, dimensions } = embedder;
      const seen = new Set<string>();
      for (const entry of entries) {
        if (entry.vector.length !== dimensions) {
          throw new RangeError(`vector ${entry.id} has ${entry.vector.length} dimensions, ${embedderId} makes ${dimensions}`);
        }
        if (seen.has(entry.id)) throw new Error(`duplicate vector id ${entry.id}`);
        seen.add(entry.id);
      }
      await call('delete the collection', () => client.deleteCollection(collection), () => false);
      await call('create the collection', () => client.createCollection(collection, { vectors: { size: dimensions, distance: 'Cosine' } }));
      // Qdrant plans filtered HNSW searches with a payload index on the filtered field.
      await call('index the module field', () =>
        client.createPayloadIndex(collection, { field_name: 'module', field_schema: 'keyword', wait: true }),
      );
      for (let start = 0; start < entries.length; start += batchSize) {
        const points = entries.slice(start, start + batchSize).map((entry) => ({
          id: pointId(entry.id),
          vector: Array.from(entry.vector),
          payload: { entryId: entry.id, module: entry.module },
        }));
        await call('upsert points', () => client.upsert(collection, { wait: true, points }));
      }
      await call('record the embedder', () =>
        client.updateCollection(collection, { metadata: { embedder: embedderId, dimensions, indexedAt: new Date().toISOString() } }),
      );
    },
    async search(vector, limit, filter) {
      const modules = filter?.modules;
      if (limit < 1 || modules?.length === 0 || !vector.some((x) => x !== 0)) return [];
      const { points } = await call(
        'search',
        () =>
          client.query(collection, {
            query: Array.from(vector),
            limit: Math.floor(limit),
            ...(modules && { filter: { must: [{ key: 'module', match: { any: modules } }] } }),
            with_payload: ['entryId'],
          }),
        () => ({ points: [] }),
      );
      return points.map((point): VectorHit => ({ id: String(point.payload?.entryId), score: point.score }));
    },
  };
}

/** A deterministic UUID (version 5) for an entry id: re-indexing the same entry gives the same point. */
export function pointId(entryId: string): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE).update(`urn:sufler:knowledge:${entryId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The client throws `ApiError` (status, data) for HTTP errors and `TypeError` when nothing answers. */
function statusOf(error: unknown): number | undefined {
  return error instanceof Error && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

function describe(error: unknown, url: string, what: string): Error {
  const status = statusOf(error);
  if (status !== undefined) {
    const data = (error as { data?: { status?: { error?: string } } }).data;
    const detail = data?.status?.error ?? (error as Error).message;
    return new Error(`Qdrant at ${url} could not ${what} (HTTP ${status}): ${detail}`, { cause: error });
  }
  if (error instanceof TypeError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new Error(`Qdrant at ${url} is unreachable (${error.message}${cause})`, { cause: error });
  }
  return new Error(`Qdrant at ${url} could not ${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
