import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SPEAKERS } from '@sufler/shared';
import { EncryptedText } from '../../db/encrypted-type';
import { LiveSessionEntity } from './live-session.entity';

/** One finalized utterance of a live meeting's transcript; the text quotes the client, so it is encrypted. */
export const LiveSegmentEntity = defineEntity({
  name: 'LiveSegment',
  tableName: 'live_segment',
  uniques: [{ properties: ['liveSession', 'index'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    liveSession: () => p.manyToOne(LiveSessionEntity).deleteRule('cascade'),
    index: p.integer(),
    speaker: p.enum([...SPEAKERS]),
    startMs: p.integer(),
    endMs: p.integer(),
    text: p.text().type(EncryptedText),
  },
});
export type LiveSegmentRow = InferEntity<typeof LiveSegmentEntity>;
