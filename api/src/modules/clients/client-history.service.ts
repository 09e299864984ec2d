import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientHistory } from '@sufler/shared';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { SessionEntity } from '../sessions/session.entity';
import { findVisibleClient, toClient } from './client.service';

/**
 * A client's file for its owner (or the owner's managers): the sessions newest first with how many
 * observations each holds, and the running key facts and summary. Those live on the sessions: each
 * new session starts with the previous one's, and the analysis updates the open one, so the newest
 * session that has them holds the current ones (a session just started and still empty does not
 * hide them).
 */
export async function getClientHistory(em: EntityManager, actor: Actor, id: string): Promise<ClientHistory> {
  const client = await findVisibleClient(em, actor, id);
  const sessions = await em.find(SessionEntity, { client: id }, { orderBy: { startedAt: 'desc', id: 'asc' }, limit: 500 });
  // Chat turns are questions to the advisor, not observations about the client.
  const counts = await em
    .getConnection()
    .execute<{ session_id: string; n: string | number }[]>(
      `select s.id as session_id, count(i.id) as n from client_session s
         left join interaction i on i.session_id = s.id and i.kind <> 'chat'
        where s.client_id = ? group by s.id`,
      [id],
    );
  const countOf = new Map(counts.map((row) => [row.session_id, Number(row.n)]));
  const withSummary = sessions.find((s) => s.summary?.trim());
  const withFacts = sessions.find((s) => Object.keys(s.keyFacts).length > 0);
  audit(em, { actor, action: 'read', entity: 'client', entityId: id, detail: { history: true, sessions: sessions.map((s) => s.id) } });
  await em.flush();
  return {
    client: toClient(client),
    sessions: sessions.map((s) => ({
      id: s.id,
      startedAt: s.startedAt,
      endedAt: s.endedAt ?? null,
      observationCount: countOf.get(s.id) ?? 0,
    })),
    keyFacts: withFacts?.keyFacts ?? {},
    summary: withSummary?.summary ?? null,
  };
}
