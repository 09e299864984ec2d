import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@sufler/shared';
import { AuditLogEntity, type AuditAction, type AuditOutcome } from './audit-log.entity';

export type AuditEntry = {
  actor: { id: string; role: Role } | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  outcome?: AuditOutcome;
  /** Ids and counts only: never names, contact data or notes. */
  detail?: Record<string, unknown>;
};

/**
 * Queues an audit row in the caller's unit of work, so it commits (or not) with the change it
 * describes. Callers that only read must flush it themselves.
 */
export function audit(em: EntityManager, entry: AuditEntry): void {
  em.create(AuditLogEntity, {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    outcome: entry.outcome ?? 'success',
    detail: entry.detail ?? null,
  });
}

/** Writes an audit row right away, outside any pending change (denials, failed logins). */
export async function auditNow(em: EntityManager, entry: AuditEntry): Promise<void> {
  const fork = em.fork();
  audit(fork, entry);
  await fork.flush();
}
