import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EMOTIONS, SPEAKERS } from '@sufler/shared';
import { EncryptedText } from '../../db/encrypted-type';
import { CallEntity } from './call.entity';

/** One speech segment of a call's transcript. */
export const CallSegmentEntity = defineEntity({
  name: 'CallSegment',
  tableName: 'call_segment',
  indexes: [{ properties: ['call', 'index'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    call: () => p.manyToOne(CallEntity).deleteRule('cascade'),
    index: p.integer(),
    speaker: p.enum([...SPEAKERS]).nullable(),
    channel: p.smallint().nullable(),
    /** A diarizer's speaker id for mono recordings (e.g. SPEAKER_00), before roles are assigned. */
    track: p.string().length(40).nullable(),
    startMs: p.integer(),
    endMs: p.integer(),
    text: p.text().type(EncryptedText).default(''),
    sentiment: p.double().nullable(),
    emotion: p.enum([...EMOTIONS]).nullable(),
    sentimentSource: p.enum(['llm', 'rules']).nullable(),
    edited: p.boolean().default(false),
  },
});
export type CallSegmentRow = InferEntity<typeof CallSegmentEntity>;

/** A call's transcript segments in time order. */
export const findSegments = (em: EntityManager, callId: string): Promise<CallSegmentRow[]> =>
  em.find(CallSegmentEntity, { call: callId }, { orderBy: { index: 'asc' } });
