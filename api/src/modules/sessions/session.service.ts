import type { EntityManager } from '@mikro-orm/postgresql';
import type { Interaction, Session, SessionWithInteractions } from '@sufler/shared';
import { DomainError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { findVisibleClient } from '../clients/client.service';
import { InteractionEntity, type InteractionRow } from './interaction.entity';
import { SessionEntity, type SessionRow } from './session.entity';

export const toSession = (row: SessionRow): Session => ({
  id: row.id,
  clientId: row.client.id,
  userId: row.user.id,
  startedAt: row.startedAt,
  endedAt: row.endedAt ?? null,
  summary: row.summary ?? null,
  keyFacts: row.keyFacts,
});

export const toInteraction = (row: InteractionRow): Interaction => ({
  id: row.id,
  sessionId: row.session.id,
  at: row.at,
  kind: row.kind,
  input: row.input,
  response: row.response ?? null,
});

/** A session the actor may see: visibility follows the client's. */
export async function findVisibleSession(em: EntityManager, actor: Actor, id: string): Promise<SessionRow> {
  // The client comes in the same query; findVisibleClient then finds it in the identity map.
  const session = await em.findOne(SessionEntity, { id }, { populate: ['client'] });
  if (!session) throw notFound('Session');
  try {
    await findVisibleClient(em, actor, session.client.id);
  } catch {
    throw notFound('Session');
  }
  return session;
}

/**
 * Starts a session with a client. The newest earlier session's key facts and running summary carry
 * over, so the co-pilot starts with everything already known about the client.
 */
export async function startSession(em: EntityManager, actor: Actor, clientId: string): Promise<Session> {
  const client = await findVisibleClient(em, actor, clientId);
  if (client.archived) throw new DomainError('CONFLICT', 'Client is archived; unarchive it to start a session');
  const previous = await em.findOne(SessionEntity, { client: clientId }, { orderBy: { startedAt: 'desc' } });
  const session = em.create(SessionEntity, {
    client,
    user: actor.id,
    keyFacts: previous?.keyFacts ?? {},
    summary: previous?.summary ?? null,
  });
  audit(em, { actor, action: 'create', entity: 'session', entityId: session.id, detail: { clientId } });
  await em.flush();
  return toSession(session);
}

export async function endSession(em: EntityManager, actor: Actor, id: string, summary?: string): Promise<Session> {
  const session = await findVisibleSession(em, actor, id);
  if (session.endedAt) throw new DomainError('CONFLICT', 'Session has already ended');
  session.endedAt = new Date();
  if (summary !== undefined) session.summary = summary;
  audit(em, { actor, action: 'update', entity: 'session', entityId: id, detail: { ended: true } });
  await em.flush();
  return toSession(session);
}

export async function listSessions(em: EntityManager, actor: Actor, clientId: string): Promise<Session[]> {
  await findVisibleClient(em, actor, clientId);
  const rows = await em.find(SessionEntity, { client: clientId }, { orderBy: { startedAt: 'desc' }, limit: 500 });
  audit(em, { actor, action: 'read', entity: 'session', detail: { clientId, ids: rows.map((r) => r.id) } });
  await em.flush();
  return rows.map(toSession);
}

export async function getSession(em: EntityManager, actor: Actor, id: string): Promise<SessionWithInteractions> {
  const session = await findVisibleSession(em, actor, id);
  const interactions = await em.find(InteractionEntity, { session: id }, { orderBy: { at: 'asc', id: 'asc' } });
  audit(em, { actor, action: 'read', entity: 'session', entityId: id });
  await em.flush();
  return { ...toSession(session), interactions: interactions.map(toInteraction) };
}
