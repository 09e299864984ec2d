import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  canSeeClient,
  foldForSearch,
  TEAM_ROLES,
  type Client,
  type ClientCreateInput,
  type ClientListInput,
  type ClientPage,
  type ClientUpdateInput,
  type Contact,
} from '@sufler/shared';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { audit, auditNow } from '../audit/audit';
import { InteractionEntity } from '../sessions/interaction.entity';
import { SessionEntity } from '../sessions/session.entity';
import { ClientEntity, type ClientRow } from './client.entity';

export const toClient = (row: ClientRow): Client => ({
  id: row.id,
  name: row.name,
  contact: {
    ...(row.email && { email: row.email }),
    ...(row.phone && { phone: row.phone }),
    ...(row.company && { company: row.company }),
  },
  ownerId: row.owner.id,
  archived: row.archived,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const searchTextOf = (name: string, contact: Contact) =>
  foldForSearch([name, contact.email, contact.phone, contact.company].filter(Boolean).join(' '));

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Loads a client the actor may see. A client owned by someone else is reported as missing (its
 * existence is not disclosed) and the attempt is audited as denied.
 */
export async function findVisibleClient(em: EntityManager, actor: Actor, id: string): Promise<ClientRow> {
  const client = await em.findOne(ClientEntity, { id });
  if (!client) throw notFound('Client');
  if (!canSeeClient(actor, client.owner.id)) {
    await auditNow(em, { actor, action: 'read', entity: 'client', entityId: id, outcome: 'denied' });
    throw notFound('Client');
  }
  return client;
}

export async function createClient(em: EntityManager, actor: Actor, input: ClientCreateInput): Promise<Client> {
  const client = em.create(ClientEntity, {
    name: input.name,
    email: input.contact.email ?? null,
    phone: input.contact.phone ?? null,
    company: input.contact.company ?? null,
    searchText: searchTextOf(input.name, input.contact),
    owner: actor.id,
  });
  audit(em, { actor, action: 'create', entity: 'client', entityId: client.id });
  await em.flush();
  return toClient(client);
}

export async function listClients(em: EntityManager, actor: Actor, input: ClientListInput): Promise<ClientPage> {
  const where: FilterQuery<ClientRow> = {};
  if (!TEAM_ROLES.includes(actor.role)) where.owner = actor.id;
  if (input.archived !== 'include') where.archived = input.archived === 'only';
  const search = input.search ? foldForSearch(input.search) : '';
  if (search) where.searchText = { $like: likePattern(search) };

  const [rows, total] = await em.findAndCount(ClientEntity, where, {
    orderBy: { updatedAt: 'desc', id: 'asc' },
    limit: input.limit,
    offset: input.offset,
  });
  audit(em, {
    actor,
    action: 'read',
    entity: 'client',
    detail: { list: true, ids: rows.map((r) => r.id), total },
  });
  await em.flush();
  return { items: rows.map(toClient), total };
}

export async function getClient(em: EntityManager, actor: Actor, id: string): Promise<Client> {
  const client = await findVisibleClient(em, actor, id);
  audit(em, { actor, action: 'read', entity: 'client', entityId: id });
  await em.flush();
  return toClient(client);
}

export async function updateClient(em: EntityManager, actor: Actor, input: ClientUpdateInput): Promise<Client> {
  const client = await findVisibleClient(em, actor, input.id);
  if (input.name !== undefined) client.name = input.name;
  if (input.contact !== undefined) {
    client.email = input.contact.email ?? null;
    client.phone = input.contact.phone ?? null;
    client.company = input.contact.company ?? null;
  }
  client.searchText = searchTextOf(client.name, toClient(client).contact);
  audit(em, { actor, action: 'update', entity: 'client', entityId: client.id });
  await em.flush();
  return toClient(client);
}

export async function setClientArchived(em: EntityManager, actor: Actor, id: string, archived: boolean): Promise<Client> {
  const client = await findVisibleClient(em, actor, id);
  client.archived = archived;
  audit(em, { actor, action: archived ? 'archive' : 'unarchive', entity: 'client', entityId: id });
  await em.flush();
  return toClient(client);
}

/**
 * Erasure: the client and everything recorded about them (sessions, interactions, feedback) are
 * deleted in one transaction. The audit row keeps only ids and counts.
 */
/**
 * Erases a client everywhere (DESIGN.md, Trust). `eraseLinked` removes what other modules keep about the
 * client inside the same transaction (calls) and returns what to do once it commits (their audio files).
 */
export async function eraseClient(
  em: EntityManager,
  actor: Actor,
  id: string,
  eraseLinked?: (tx: EntityManager, clientId: string) => Promise<{ calls: number; afterCommit: () => Promise<void> }>,
): Promise<{ erased: true }> {
  await findVisibleClient(em, actor, id);
  const afterCommit = await em.transactional(async (tx) => {
    const sessions = await tx.count(SessionEntity, { client: id });
    const interactions = await tx.count(InteractionEntity, { session: { client: id } });
    const linked = await eraseLinked?.(tx, id);
    // Sessions, interactions and feedback go with the client (ON DELETE CASCADE in the schema).
    await tx.nativeDelete(ClientEntity, { id });
    audit(tx, { actor, action: 'erase', entity: 'client', entityId: id, detail: { sessions, interactions, calls: linked?.calls ?? 0 } });
    return linked?.afterCommit;
  });
  await afterCommit?.();
  return { erased: true };
}
