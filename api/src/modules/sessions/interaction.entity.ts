import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { INTERACTION_KINDS } from '@sufler/shared';
import { EncryptedJson, EncryptedText } from '../../db/encrypted-type';
import { SessionEntity } from './session.entity';

/** One observation within a session and what the co-pilot answered to it. */
export const InteractionEntity = defineEntity({
  name: 'Interaction',
  tableName: 'interaction',
  // One observation per client request: a resend of the same request finds it instead of storing a copy.
  uniques: [{ properties: ['session', 'requestId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    session: () => p.manyToOne(SessionEntity).deleteRule('cascade').index(),
    at: p.datetime().onCreate(() => new Date()),
    kind: p.enum([...INTERACTION_KINDS]),
    /** The client's words and what was made of them: encrypted at rest. */
    input: p.text().type(EncryptedText),
    response: p.json<unknown>().type(EncryptedJson).nullable(),
    /** The client's id for the request that brought this observation (`ObserveInput.requestId`). */
    requestId: p.uuid().nullable(),
  },
});
export type InteractionRow = InferEntity<typeof InteractionEntity>;
