import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { LIVE_STATUSES, LIVE_MODES, LIVE_TRANSCRIPTIONS } from './live-vocabulary';
import { ClientEntity } from '../clients/client.entity';
import { SessionEntity } from '../sessions/session.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One live meeting: the capture's audio as it arrives (in the blob store, in chunks), how far it got, and
 * the call it became at Stop. The row is the resume point after a restart of the API: the capture
 * reconnects, is told `nextSeq`, and goes on.
 */
export const LiveSessionEntity = defineEntity({
  name: 'LiveSession',
  tableName: 'live_session',
  indexes: [{ properties: ['user', 'status'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    session: () => p.manyToOne(SessionEntity).deleteRule('cascade').index(),
    client: () => p.manyToOne(ClientEntity).deleteRule('cascade'),
    user: () => p.manyToOne(UserEntity),
    mode: p.enum([...LIVE_MODES]),
    status: p.enum([...LIVE_STATUSES]).default('recording'),
    transcription: p.enum([...LIVE_TRANSCRIPTIONS]),
    /** The consent the rep confirmed before capture: when, and which version of the notice they saw. */
    consentAt: p.datetime(),
    noticeVersion: p.integer(),
    origin: p.string().length(40),
    /** The next frame expected: every frame before it is in a stored chunk. */
    nextSeq: p.integer().default(0),
    /** How many audio chunks are stored (`chunk-000000` …). */
    chunks: p.integer().default(0),
    receivedMs: p.integer().default(0),
    /** Finalized transcript segments so far, and how many transcript observations were made from them. */
    segments: p.integer().default(0),
    batches: p.integer().default(0),
    callId: p.uuid().nullable(),
    error: p.text().nullable(),
    startedAt: p.datetime().onCreate(() => new Date()),
    endedAt: p.datetime().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type LiveSessionRow = InferEntity<typeof LiveSessionEntity>;
