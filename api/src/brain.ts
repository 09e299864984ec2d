import type { MikroORM } from '@mikro-orm/postgresql';
import { createOfflineEmbedder } from './adapters/embedders/offline-embedder';
import { createOllamaEmbedder } from './adapters/embedders/ollama-embedder';
import { createLlmGateway, type LlmGateway } from './adapters/ollama/llm-gateway';
import { createMemoryIndex } from './adapters/vector/memory-index';
import { createPgvectorIndex } from './adapters/vector/pgvector-index';
import { createQdrantIndex } from './adapters/vector/qdrant-index';
import type { Env } from './env';
import type { Logger } from './logger';
import { createAnalyzer, type Analyzer } from './modules/analysis/analyzer';
import { createKnowledgeBase, type KnowledgeBase } from './modules/knowledge/knowledge-base';
import { DEFAULT_PACK_DIR, loadKnowledgePack, unfilledTemplates } from './modules/knowledge/load-pack';
import type { Embedder, VectorIndex } from './modules/knowledge/ports';
import type { UsageStore } from './modules/llm/ports';

export type Brain = { analyzer: Analyzer; knowledge: KnowledgeBase; llm: LlmGateway | null; index: VectorIndex['kind'] };

/**
 * Wires the co-pilot's brain from the configuration: the knowledge pack, the embedder (Ollama's or
 * the built-in one), the vector index (Qdrant when QDRANT_URL is set, else pgvector in the
 * database, else exact search in memory), and the model chain (or none: rules mode). The index is
 * filled on first start and whenever the embedder or the pack changed.
 */
export async function createBrain(env: Env, deps: { orm?: MikroORM; logger: Logger; usage: UsageStore }): Promise<Brain> {
  const { logger } = deps;
  const pack = await loadKnowledgePack(env.SUFLER_KNOWLEDGE_DIR ?? DEFAULT_PACK_DIR);
  const templates = unfilledTemplates(pack);
  if (templates.length) {
    logger.info(
      { facts: templates.map((t) => `${t.module}/${t.factId}`) },
      `${templates.length} knowledge facts are templates waiting for the admin (they are not used until filled in)`,
    );
  }

  const index = await chooseIndex(env, deps);
  const knowledge = createKnowledgeBase({ pack, embedder: await chooseEmbedder(env, logger), index, logger });
  await knowledge.ensureIndexed();

  const llm =
    env.SUFLER_LLM === 'off'
      ? null
      : createLlmGateway({
          host: env.OLLAMA_URL,
          ...(env.OLLAMA_API_KEY && { apiKey: env.OLLAMA_API_KEY }),
          models: env.OLLAMA_MODELS,
          think: env.OLLAMA_THINK,
          firstTokenTimeoutMs: env.OLLAMA_TIMEOUT_MS,
          idleTimeoutMs: env.OLLAMA_TIMEOUT_MS,
          breaker: { failures: 3, coolDownMs: 30_000 },
          ...(env.OLLAMA_DAILY_TOKEN_LIMIT && { dailyTokenLimit: env.OLLAMA_DAILY_TOKEN_LIMIT }),
          usage: deps.usage,
          logger,
        });
  const analyzer = createAnalyzer({ knowledge, llm, offlineReason: 'SUFLER_LLM=off: rules mode' });
  return { analyzer, knowledge, llm, index: index.kind };
}

async function chooseEmbedder(env: Env, logger: Logger): Promise<Embedder> {
  if (env.SUFLER_EMBEDDER === 'offline') return createOfflineEmbedder();
  try {
    return await createOllamaEmbedder({
      host: env.OLLAMA_URL,
      ...(env.OLLAMA_API_KEY && { apiKey: env.OLLAMA_API_KEY }),
      model: env.OLLAMA_EMBED_MODEL,
    });
  } catch (error) {
    logger.warn({ err: error }, 'Ollama embedder unavailable: using the built-in offline embedder');
    return createOfflineEmbedder();
  }
}

async function chooseIndex(env: Env, deps: { orm?: MikroORM; logger: Logger }): Promise<VectorIndex> {
  if (env.QDRANT_URL) {
    const qdrant = createQdrantIndex({ url: env.QDRANT_URL, ...(env.QDRANT_API_KEY && { apiKey: env.QDRANT_API_KEY }) });
    try {
      await qdrant.count();
      return qdrant;
    } catch (error) {
      deps.logger.warn({ err: error, url: env.QDRANT_URL }, 'Qdrant unreachable: knowledge search runs in memory');
      return createMemoryIndex();
    }
  }
  const pgvector = deps.orm && (await createPgvectorIndex(deps.orm));
  if (pgvector) return pgvector;
  if (deps.orm) deps.logger.info('PostgreSQL has no pgvector extension: knowledge search runs in memory (exact)');
  return createMemoryIndex();
}
