import type { ModelHealth } from './adapters/ollama/llm-gateway';
import type { AppDeps } from './trpc/context';

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; kind: string; latencyMs?: number; error?: string };
  queue: { ok: boolean };
  model: { ok: boolean; mode: 'llm' | 'rules'; url: string; error?: string; chain: ModelHealth[] };
  knowledge: { entries: number };
};

/**
 * What `/health` reports. The database decides up or down; an unreachable model only degrades
 * the service (the co-pilot then runs in rules mode).
 */
export function createHealthCheck(deps: Pick<AppDeps, 'orm' | 'databaseKind' | 'queue' | 'brain'>, ollamaUrl: string) {
  return async (): Promise<Health> => {
    const started = performance.now();
    const database = await deps.orm.em
      .getConnection()
      .execute('select 1')
      .then(() => ({ ok: true, kind: deps.databaseKind, latencyMs: Math.round(performance.now() - started) }))
      .catch((e: Error) => ({ ok: false, kind: deps.databaseKind, error: e.message }));
    const { llm } = deps.brain;
    const model = !llm
      ? { ok: false, error: 'SUFLER_LLM=off' }
      : await fetch(new URL('/api/tags', ollamaUrl), { signal: AbortSignal.timeout(1000) })
      .then((r) => (r.ok ? { ok: true } : { ok: false, error: `HTTP ${r.status}` }))
      .catch((e: Error) => ({ ok: false, error: e.name === 'TimeoutError' ? 'timeout' : e.message }));
    const queue = { ok: deps.queue.isStarted() };
    return {
      status: !database.ok ? 'down' : queue.ok && model.ok ? 'ok' : 'degraded',
      database,
      queue,
      // The breakers say which models of the chain are being skipped after recent failures.
      model: { ...model, mode: model.ok ? 'llm' : 'rules', url: ollamaUrl, chain: llm?.status().models ?? [] },
      knowledge: { entries: deps.brain.knowledge.entries.size },
    };
  };
}
