import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'archive', 'unarchive', 'erase', 'export', 'login', 'logout'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * Who did what to which record, and how it ended. Holds ids only, never client data, so it
 * survives erasure without keeping what was erased. No foreign keys: rows outlive what they name.
 */
export const AuditLogEntity = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_log',
  properties: {
    id: p.bigint().primary().autoincrement(),
    at: p.datetime().onCreate(() => new Date()).index(),
    actorId: p.uuid().nullable().index(),
    actorRole: p.string().length(20).nullable(),
    action: p.string().length(20),
    entity: p.string().length(40),
    entityId: p.string().length(64).nullable(),
    outcome: p.string().length(20),
    detail: p.json<Record<string, unknown>>().nullable(),
  },
});
export type AuditLogRow = InferEntity<typeof AuditLogEntity>;
