import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeeClient } from '@sufler/shared';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { auditNow } from '../audit/audit';
import { CallEntity, type CallRow } from './call.entity';

/**
 * Loads a call the actor may see: consultants their own calls, managers and admins all. Someone else's
 * call is reported as missing (its existence is not disclosed) and the attempt is audited as denied.
 */
export async function findVisibleCall(em: EntityManager, actor: Actor, id: string): Promise<CallRow> {
  const call = await em.findOne(CallEntity, { id }, { populate: ['consultant', 'client'] });
  if (!call) throw notFound('Call');
  if (!canSeeClient(actor, call.consultant.id)) {
    await auditNow(em, { actor, action: 'read', entity: 'call', entityId: id, outcome: 'denied' });
    throw notFound('Call');
  }
  return call;
}
