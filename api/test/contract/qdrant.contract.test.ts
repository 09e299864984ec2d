import { randomUUID } from 'node:crypto';
import { QdrantClient } from '@qdrant/js-client-rest';
import { describe, expect, test } from 'vitest';
import { createQdrantIndex } from '../../src/adapters/vector/qdrant-index';
import { describeVectorIndexContract } from './vector-index-cases';

/**
 * The Qdrant adapter against a real Qdrant (e.g. `docker run -p 6333:6333 qdrant/qdrant`), run
 * only when QDRANT_URL is set: the same cases as the double, on a throwaway collection. It also
 * keeps the double honest: whatever passes there must pass here.
 */
const QDRANT_URL = process.env.QDRANT_URL;
const QDRANT_API_KEY = process.env.QDRANT_API_KEY;

describe.skipIf(!QDRANT_URL)('real Qdrant', () => {
  const collection = () => `sufler_contract_${randomUUID().replaceAll('-', '')}`;
  const connection = { url: QDRANT_URL!, ...(QDRANT_API_KEY && { apiKey: QDRANT_API_KEY }) };
  const dropAfterwards = (name: string) => async () => {
    await new QdrantClient({ ...connection, checkCompatibility: false }).deleteCollection(name);
  };

  describeVectorIndexContract('qdrant index', async () => {
    const name = collection();
    return { index: createQdrantIndex({ ...connection, collection: name }), close: dropAfterwards(name) };
  });

  test('a re-index cut short leaves no embedder recorded', async () => {
    const name = collection();
    const index = createQdrantIndex({ ...connection, collection: name });
    try {
      await index.replaceAll({ id: 'good@1', dimensions: 2 }, [{ id: 'a', vector: new Float32Array([1, 0]), module: null }]);
      expect(await index.embedderId()).toBe('good@1');
      const broken = [{ id: 'b', vector: new Float32Array([Number.NaN, 1]), module: null }];
      await expect(index.replaceAll({ id: 'next@1', dimensions: 2 }, broken)).rejects.toThrow(/Qdrant at .* could not upsert points/);
      expect(await index.embedderId()).toBeNull();
    } finally {
      await dropAfterwards(name)();
    }
  });
});
