import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobData } from '../../queue/jobs';
import { SessionEntity } from '../sessions/session.entity';
import { summarize } from './advisor';
import type { Analyzer } from './analyzer';
import { InteractionEntity } from '../sessions/interaction.entity';
import { observationResponse } from './session-state';

/**
 * The memory job: folds a session's observations up to `upTo` into its running summary, so prompts
 * stay within budget however long the conversation. The write only lands if no other run got
 * further in the meantime (replicas may run two at once).
 */
export function createSummarizeSessionJob(orm: MikroORM, analyzer: Pick<Analyzer, 'llm'>) {
  return async ({ sessionId, upTo }: JobData<'summarizeSession'>) => {
    const em = orm.em.fork();
    const session = await em.findOne(SessionEntity, { id: sessionId });
    if (!session || session.summarizedCount >= upTo) return { skipped: true };
    // Only the observations to fold in are read: the job runs every few thousand characters of a session.
    const observations = await em.find(
      InteractionEntity,
      { session: sessionId, kind: { $ne: 'chat' } },
      { orderBy: { at: 'asc', id: 'asc' }, offset: session.summarizedCount, limit: upTo - session.summarizedCount },
    );
    const texts = observations.map((row) => row.input);
    const newest = observations.at(-1);
    const language = (newest && observationResponse(newest)?.analysis.language) ?? 'pl';
    const { summary, producedBy } = await summarize(analyzer.llm, session.summary ?? null, texts, language);
    const updated = await em.nativeUpdate(
      SessionEntity,
      { id: sessionId, summarizedCount: { $lt: upTo } },
      { summary, summarizedCount: upTo },
    );
    return { skipped: updated === 0, covered: upTo, mode: producedBy.mode };
  };
}
