import { randomBytes, randomUUID } from 'node:crypto';
import { embedHashedNgrams } from '@sufler/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeVectorIndexContract, TEST_DATABASE_URL } from '../../../test/contract/vector-index-cases';
import { startQdrantDouble, type QdrantDouble } from '../../../test/doubles/qdrant-double';
import { freshPostgres } from '../../../test/fresh-postgres';
import { openDatabase } from '../../db/orm';
import { createMemoryIndex } from './memory-index';
import { createPgvectorIndex } from './pgvector-index';
import { createQdrantIndex, pointId } from './qdrant-index';

const DATABASE_URL = TEST_DATABASE_URL;

/** Whether the PostgreSQL at DATABASE_URL could run pgvector (CI's cannot: Debian 12 has no package). */
async function postgresHasPgvector(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`select 1 from pg_available_extensions where name = 'vector'`)).rowCount! > 0;
  } finally {
    await client.end();
  }
}
const pgvectorOnPostgres = DATABASE_URL ? await postgresHasPgvector(DATABASE_URL) : false;

describeVectorIndexContract('memory index', async () => ({ index: createMemoryIndex(), close: async () => {} }));

describeVectorIndexContract('pgvector index on PGlite', async () => {
  const db = await openDatabase({ kind: 'pglite' });
  const index = await createPgvectorIndex(db.orm);
  if (!index) throw new Error('PGlite ships pgvector: createPgvectorIndex must not return null');
  return { index, close: db.close };
});

describe.runIf(pgvectorOnPostgres)('with pgvector on PostgreSQL', () => {
  describeVectorIndexContract('pgvector index on PostgreSQL', async () => {
    const postgres = await freshPostgres(DATABASE_URL!);
    const db = await openDatabase({ kind: 'postgresql', url: postgres.url, encryptionKey: randomBytes(32) });
    const index = await createPgvectorIndex(db.orm);
    if (!index) throw new Error('pgvector is available on this server: createPgvectorIndex must not return null');
    return {
      index,
      close: async () => {
        await db.close();
        await postgres.drop();
      },
    };
  });
});

describeVectorIndexContract('qdrant index (HTTP double)', async () => {
  const qdrant = await startQdrantDouble();
  return { index: createQdrantIndex({ url: qdrant.url, collection: `sufler_test_${randomUUID()}` }), close: qdrant.close };
});

describe.runIf(DATABASE_URL && !pgvectorOnPostgres)('pgvector index on PostgreSQL without pgvector', () => {
  test('createPgvectorIndex returns null, so the caller falls back to memory, and creates nothing', async () => {
    const postgres = await freshPostgres(DATABASE_URL!);
    const db = await openDatabase({ kind: 'postgresql', url: postgres.url, encryptionKey: randomBytes(32) });
    try {
      expect(await createPgvectorIndex(db.orm)).toBeNull();
      const tables = await db.orm.em.fork().execute<{ table_name: string }[]>(
        `select table_name from information_schema.tables where table_name like ?`,
        ['knowledge_%'],
      );
      expect(tables).toEqual([]);
    } finally {
      await db.close();
      await postgres.drop();
    }
  });
});

describe('pgvector index on PGlite: storage', () => {
  test('tables, HNSW index and meta row after replaceAll; a second index object sees the same data', async () => {
    const db = await openDatabase({ kind: 'pglite' });
    try {
      const index = (await createPgvectorIndex(db.orm))!;
      const entries = ['leasing', 'ładowarka', 'serwis'].map((text, i) => ({ id: `e${i}`, vector: embedHashedNgrams(text), module: i ? 'm' : null }));
      await index.replaceAll({ id: 'offline-ngram-384@1', dimensions: 384 }, entries);

      const em = db.orm.em.fork();
      const indexes = await em.execute<{ indexdef: string }[]>(`select indexdef from pg_indexes where tablename = ?`, ['knowledge_vector']);
      expect(indexes.map((i) => i.indexdef).join('\n')).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
      const [meta] = await em.execute<{ embedder: string; dimensions: number; indexed_at: Date | null }[]>(
        'select embedder, dimensions, indexed_at from knowledge_index_meta',
      );
      expect(meta).toMatchObject({ embedder: 'offline-ngram-384@1', dimensions: 384 });
      expect(meta!.indexed_at).not.toBeNull();

      const again = (await createPgvectorIndex(db.orm))!;
      expect(await again.embedderId()).toBe('offline-ngram-384@1');
      expect(await again.count()).toBe(3);
    } finally {
      await db.close();
    }
  });
});

describe('qdrant index against the double: wire details', () => {
  let qdrant: QdrantDouble;
  beforeAll(async () => {
    qdrant = await startQdrantDouble();
  });
  afterAll(async () => {
    await qdrant.close();
  });

  test('replaceAll recreates the collection, upserts in batches with wait, records the embedder last', async () => {
    const collection = `sufler_test_${randomUUID()}`;
    const index = createQdrantIndex({ url: qdrant.url, collection, batchSize: 100 });
    const entries = Array.from({ length: 250 }, (_, i) => ({ id: `entry-${i}`, vector: embedHashedNgrams(`fraza ${i}`), module: i % 2 ? 'a' : null }));
    qdrant.requests.length = 0;
    await index.replaceAll({ id: 'offline-ngram-384@1', dimensions: 384 }, entries);

    const calls = qdrant.requests.map((r) => `${r.method} ${r.path.replace(collection, '{c}')}`);
    expect(calls).toEqual([
      'DELETE /collections/{c}',
      'PUT /collections/{c}',
      'PUT /collections/{c}/index',
      'PUT /collections/{c}/points',
      'PUT /collections/{c}/points',
      'PUT /collections/{c}/points',
      'PATCH /collections/{c}',
    ]);
    expect(qdrant.requests[1]!.body).toMatchObject({ vectors: { size: 384, distance: 'Cosine' } });
    const upserts = qdrant.requests.filter((r) => r.path.endsWith('/points'));
    expect(upserts.map((r) => (r.body as { points: unknown[] }).points.length)).toEqual([100, 100, 50]);
    expect(upserts.every((r) => r.query.wait === 'true')).toBe(true);
    const first = (upserts[0]!.body as { points: { id: string; payload: unknown }[] }).points[0]!;
    expect(first).toMatchObject({ id: pointId('entry-0'), payload: { entryId: 'entry-0', module: null } });
    expect(qdrant.requests.at(-1)!.body).toMatchObject({ metadata: { embedder: 'offline-ngram-384@1', dimensions: 384 } });
  });

  test('a re-index cut short leaves no embedder recorded, so it is redone', async () => {
    const index = createQdrantIndex({ url: qdrant.url, collection: `sufler_test_${randomUUID()}` });
    await index.replaceAll({ id: 'good@1', dimensions: 2 }, [{ id: 'a', vector: new Float32Array([1, 0]), module: null }]);
    // NaN travels as JSON null, which Qdrant refuses: the upsert fails after the collection is recreated.
    const broken = [{ id: 'b', vector: new Float32Array([Number.NaN, 1]), module: null }];
    await expect(index.replaceAll({ id: 'next@1', dimensions: 2 }, broken)).rejects.toThrow(/HTTP 400/);
    expect(await index.embedderId()).toBeNull();
  });

  test('search sends a nearest query with the module filter and maps payload entryId back', async () => {
    const collection = `sufler_test_${randomUUID()}`;
    const index = createQdrantIndex({ url: qdrant.url, collection });
    await index.replaceAll({ id: 't@1', dimensions: 2 }, [
      { id: 'x', vector: new Float32Array([1, 0]), module: 'm1' },
      { id: 'y', vector: new Float32Array([0, 1]), module: 'm2' },
    ]);
    qdrant.requests.length = 0;
    expect(await index.search(new Float32Array([1, 1]), 3, { modules: ['m2'] })).toEqual([{ id: 'y', score: expect.closeTo(Math.SQRT1_2, 6) }]);
    expect(qdrant.requests[0]).toMatchObject({
      method: 'POST',
      path: `/collections/${collection}/points/query`,
      body: { query: [1, 1], limit: 3, filter: { must: [{ key: 'module', match: { any: ['m2'] } }] }, with_payload: ['entryId'] },
    });
  });

  test('errors name Qdrant, the operation and its message; an unreachable server says so', async () => {
    const index = createQdrantIndex({ url: qdrant.url, collection: `sufler_test_${randomUUID()}` });
    await index.replaceAll({ id: 't@1', dimensions: 2 }, []);
    await expect(index.search(new Float32Array([1, 0, 0]), 1)).rejects.toThrow(
      /Qdrant at http:\/\/127\.0\.0\.1:\d+ could not search in sufler_test_.* \(HTTP 400\): Wrong input: Vector dimension error: expected dim: 2, got 3/,
    );
    const nowhere = createQdrantIndex({ url: 'http://127.0.0.1:9', collection: 'x' });
    await expect(nowhere.count()).rejects.toThrow(/Qdrant at http:\/\/127\.0\.0\.1:9 is unreachable/);
  });

  test('the double answers like Qdrant: envelope, 404 for a missing collection, 409 for a duplicate', async () => {
    const missing = await fetch(`${qdrant.url}/collections/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: { error: 'Not found: Collection `nope` doesn\'t exist!' }, time: expect.any(Number) });
    const create = () =>
      fetch(`${qdrant.url}/collections/dup`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vectors: { size: 2, distance: 'Cosine' } }) });
    expect(await (await create()).json()).toMatchObject({ result: true, status: 'ok' });
    const again = await create();
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ status: { error: 'Wrong input: Collection `dup` already exists!' } });
  });

  test('point ids are deterministic version-5 UUIDs', () => {
    expect(pointId('entry-1')).toBe(pointId('entry-1'));
    expect(pointId('entry-1')).not.toBe(pointId('entry-2'));
    expect(pointId('entry-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('memory index', () => {
  // Speed is measured by `npm run bench` (retrieval over 10,000 passages), not asserted here.
  test('finds the exact nearest of 10,000 dense 384-d vectors', async () => {
    const index = createMemoryIndex();
    let seed = 1;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ id: `v${i}`, vector: Float32Array.from({ length: 384 }, random), module: null }));
    await index.replaceAll({ id: 'random@1', dimensions: 384 }, entries);
    const query = Float32Array.from({ length: 384 }, random);
    const norm = (v: Float32Array) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
    const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0) / (norm(a) * norm(b));
    const expected = entries.map((e) => ({ id: e.id, score: cosine(query, e.vector) })).sort((a, b) => b.score - a.score).slice(0, 5);
    const hits = await index.search(query, 5);
    expect(hits.map((h) => h.id)).toEqual(expected.map((e) => e.id));
    hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 4));
  });
});
