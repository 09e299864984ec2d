import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { KeyFacts } from '@sufler/shared';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';

/** One conversation with a client (a showroom visit, a call, a meeting). */
export const SessionEntity = defineEntity({
  name: 'Session',
  tableName: 'client_session',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    client: () => p.manyToOne(ClientEntity).deleteRule('cascade').index(),
    user: () => p.manyToOne(UserEntity),
    startedAt: p.datetime().onCreate(() => new Date()),
    endedAt: p.datetime().nullable(),
    summary: p.text().nullable(),
    keyFacts: p.json<KeyFacts>().default('{}'),
  },
});
export type SessionRow = InferEntity<typeof SessionEntity>;
