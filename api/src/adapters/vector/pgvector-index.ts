import { TableNotFoundException } from '@mikro-orm/core';
import type { MikroORM, SqlEntityManager } from '@mikro-orm/postgresql';
import type { VectorHit, VectorIndex } from '../../modules/knowledge/ports';

/** The vector table as Kysely sees it: an untyped text parameter is cast to `vector` by the column. */
type KnowledgeTables = { knowledge_vector: { id: string; module: string | null; embedding: string } };

/** Rows per multi-row insert: 500 × (id, module, vector) keeps each statement a few MB. */
const INSERT_BATCH = 500;
/** pgvector's default `hnsw.ef_search`: an index scan returns at most this many rows unless raised. */
const DEFAULT_EF_SEARCH = 40;
const MAX_EF_SEARCH = 1000;
/** pgvector's HNSW indexes `vector` columns of up to 2,000 dimensions; larger ones are scanned exactly. */
const HNSW_MAX_DIMENSIONS = 2000;

/**
 * Vector search inside the application's own database: PostgreSQL with pgvector, or embedded
 * PGlite (which ships it). Returns null when the `vector` extension is not available (a plain
 * PostgreSQL), so the caller can fall back to the memory index. The tables are created here,
 * not by migrations, because the extension is optional.
 *
 * Values go to MikroORM's `execute` as `?` parameters (it inlines them as quoted literals), the
 * bulk load through Kysely as bind parameters; only validated integers are written into SQL text.
 * On PGlite (one connection) searches wait while a re-index runs.
 */
export async function createPgvectorIndex(orm: MikroORM): Promise<VectorIndex | null> {
  const em = (): SqlEntityManager => orm.em.fork();
  const version = await ensureExtension(em());
  if (!version) return null;

  await em().execute(
    `create table if not exists knowledge_index_meta (
       id int primary key default 1 check (id = 1),
       embedder text not null,
       dimensions int not null,
       indexed_at timestamptz
     )`,
  );

  return {
    kind: 'pgvector',
    async embedderId() {
      const rows = await ifTableExists(() => em().execute<{ embedder: string }[]>('select embedder from knowledge_index_meta where id = 1'), []);
      return rows[0]?.embedder ?? null;
    },
    async count() {
      const rows = await ifTableExists(() => em().execute<{ n: number | string }[]>('select count(*) as n from knowledge_vector'), [{ n: 0 }]);
      return Number(rows[0]!.n);
    },
    async replaceAll(embedder, entries) {
      const dimensions = positiveInteger(embedder.dimensions, 'dimensions');
      for (const entry of entries) {
        if (entry.vector.length !== dimensions) {
          throw new RangeError(`vector ${entry.id} has ${entry.vector.length} dimensions, ${embedder.id} makes ${dimensions}`);
        }
      }
      // One transaction: searches see the old index until the new one is complete.
      await em().transactional(async (tx) => {
        await tx.execute('drop table if exists knowledge_vector');
        await tx.execute(`create table knowledge_vector (id text primary key, module text null, embedding vector(${dimensions}) not null)`);
        // Load first, index after: inserting into an HNSW-indexed table is an order of magnitude slower.
        // Kysely sends real bind parameters; `execute` would inline (and escape, char by char) about
        // 8 kB of text per vector, which tripled the load time of 10,000 dense vectors on PGlite.
        const kysely = tx.getKysely<KnowledgeTables>();
        for (let start = 0; start < entries.length; start += INSERT_BATCH) {
          const rows = entries.slice(start, start + INSERT_BATCH).map((entry) => ({ id: entry.id, module: entry.module, embedding: vectorLiteral(entry.vector) }));
          await kysely.insertInto('knowledge_vector').values(rows).execute();
        }
        if (dimensions <= HNSW_MAX_DIMENSIONS) {
          await tx.execute('create index knowledge_vector_embedding_idx on knowledge_vector using hnsw (embedding vector_cosine_ops)');
        }
        await tx.execute('create index knowledge_vector_module_idx on knowledge_vector (module)');
        await tx.execute('analyze knowledge_vector'); // the planner's choice between the two indexes needs statistics
        await tx.execute(
          `insert into knowledge_index_meta (id, embedder, dimensions, indexed_at) values (1, ?, ?, now())
           on conflict (id) do update set embedder = excluded.embedder, dimensions = excluded.dimensions, indexed_at = excluded.indexed_at`,
          [embedder.id, dimensions],
        );
      });
    },
    async search(vector, limit, filter) {
      const modules = filter?.modules;
      if (limit < 1 || modules?.length === 0 || !hasDirection(vector)) return [];
      const k = Math.floor(limit);
      const params = [vectorLiteral(vector), ...(modules ?? [])];
      type Row = { id: string; score: number | string };
      // Within modules, search exactly: a module holds a small share of the passages, the btree on
      // `module` finds them, and `offset 0` keeps the planner from an HNSW scan that a filter
      // would leave short. One round trip, exact results.
      const sql = modules
        ? `select id, 1 - distance as score from (
             select id, embedding <=> ?::vector as distance from knowledge_vector
             where module in (${modules.map(() => '?').join(', ')}) offset 0
           ) candidates order by distance limit ${k}`
        : // The alias lets the vector travel once; ORDER BY on it still uses the HNSW index.
          `select id, 1 - distance as score from (
             select id, embedding <=> ?::vector as distance from knowledge_vector order by distance limit ${k}
           ) nearest order by distance`;

      const run = async (tx: SqlEntityManager) => ifTableExists(() => tx.execute<Row[]>(sql, params), []);
      let rows: Row[];
      if (modules || k <= DEFAULT_EF_SEARCH) rows = await run(em());
      else {
        rows = await em().transactional(async (tx) => {
          // An HNSW scan yields at most ef_search rows.
          await tx.execute(`set local hnsw.ef_search = ${Math.min(MAX_EF_SEARCH, k)}`);
          return run(tx);
        });
      }
      return rows.map((row): VectorHit => ({ id: row.id, score: Number(row.score) }));
    },
  };
}

/** Creates the extension when it can; returns its version, or null when this server has no pgvector. */
async function ensureExtension(em: SqlEntityManager): Promise<string | null> {
  try {
    await em.execute('create extension if not exists vector');
  } catch {
    // Not installed on this server, or no right to create it: usable only if someone already did.
  }
  const rows = await em.execute<{ extversion: string }[]>('select extversion from pg_extension where extname = ?', ['vector']);
  return rows[0]?.extversion ?? null;
}

/** Before the first `replaceAll` there is no vector table: that is an empty index, not an error. */
async function ifTableExists<T>(query: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof TableNotFoundException) return fallback;
    throw error;
  }
}

/** pgvector's text form: `[0.1,0.2,…]`. */
function vectorLiteral(vector: Float32Array): string {
  return `[${vector.join(',')}]`;
}

/** Cosine distance to the zero vector is NaN in pgvector: such a query matches nothing. */
function hasDirection(vector: Float32Array): boolean {
  return vector.some((x) => x !== 0);
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, not ${value}`);
  return value;
}
