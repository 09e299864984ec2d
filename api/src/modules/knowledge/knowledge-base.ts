import { createHash } from 'node:crypto';
import {
  matchTerm,
  rankPassages,
  toWords,
  type ArchetypeId,
  type KnowledgeEntry,
  type KnowledgePack,
  type ModuleId,
  type Passage,
} from '@sufler/shared';
import type { Logger } from '../../logger';
import { packEntries } from './load-pack';
import type { Embedder, VectorIndex } from './ports';

export type RetrieveQuery = {
  text: string;
  keywordModules: readonly ModuleId[];
  leadingArchetypes: readonly ArchetypeId[];
  /** Characters of passage text that fit the prompt (about 4 per token). */
  budgetChars?: number;
  limit?: number;
  signal?: AbortSignal;
};

export type KnowledgeBase = {
  readonly pack: KnowledgePack;
  readonly entries: ReadonlyMap<string, KnowledgeEntry>;
  /** Embedder and pack content the index was built from; a change of either re-indexes. */
  readonly signature: string;
  /** Re-indexes when the index was built by another embedder or from other content; returns whether it did. */
  ensureIndexed(options?: { force?: boolean }): Promise<{ reindexed: boolean; entries: number; ms: number }>;
  retrieve(query: RetrieveQuery): Promise<Passage[]>;
  /** A person's search: the modules its words name, plus vector search, without a prompt budget. */
  search(query: string, limit: number): Promise<Passage[]>;
};

const CANDIDATES = 24;

/**
 * The knowledge index behind retrieval: the pack's passages, embedded by the configured embedder
 * into the configured vector index, searched twice per query (everywhere, and within the modules
 * the client's words activated) and ranked into a context budget.
 */
export function createKnowledgeBase(deps: {
  pack: KnowledgePack;
  embedder: Embedder;
  index: VectorIndex;
  logger?: Logger;
}): KnowledgeBase {
  const list = packEntries(deps.pack);
  const entries = new Map(list.map((e) => [e.id, e]));
  const contentHash = createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16);
  const signature = `${deps.embedder.id}#${contentHash}`;

  async function retrieve(query: RetrieveQuery): Promise<Passage[]> {
    const limit = query.limit ?? 6;
    const [vector] = await deps.embedder.embed([query.text], query.signal);
    const [vectorHits, moduleHits] = await Promise.all([
      deps.index.search(vector!, CANDIDATES),
      query.keywordModules.length
        ? deps.index.search(vector!, CANDIDATES, { modules: [...query.keywordModules] })
        : Promise.resolve([]),
    ]);
    return rankPassages({
      vectorHits,
      moduleHits,
      entries,
      keywordModules: query.keywordModules,
      leadingArchetypes: query.leadingArchetypes,
      budgetChars: query.budgetChars ?? 2400,
      limit,
    });
  }

  return {
    pack: deps.pack,
    entries,
    signature,
    async ensureIndexed({ force = false } = {}) {
      const started = performance.now();
      if (!force && (await deps.index.embedderId()) === signature) {
        return { reindexed: false, entries: list.length, ms: 0 };
      }
      const vectors: Float32Array[] = [];
      for (let i = 0; i < list.length; i += 256) {
        vectors.push(...(await deps.embedder.embed(list.slice(i, i + 256).map((e) => e.text))));
      }
      await deps.index.replaceAll(
        { id: signature, dimensions: deps.embedder.dimensions },
        list.map((entry, i) => ({ id: entry.id, vector: vectors[i]!, module: entry.module })),
      );
      const ms = Math.round(performance.now() - started);
      deps.logger?.info({ entries: list.length, index: deps.index.kind, embedder: deps.embedder.id, ms }, 'knowledge indexed');
      return { reindexed: true, entries: list.length, ms };
    },
    retrieve,
    search(query, limit) {
      const words = toWords(query);
      const keywordModules = deps.pack.modules.filter((m) => m.keywords.some((k) => matchTerm(k, words))).map((m) => m.id);
      return retrieve({ text: query, keywordModules, leadingArchetypes: [], limit, budgetChars: 50_000 });
    },
  };
}
