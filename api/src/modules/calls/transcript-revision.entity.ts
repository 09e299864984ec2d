import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EncryptedJson } from '../../db/encrypted-type';
import { UserEntity } from '../users/user.entity';
import { CallEntity } from './call.entity';

export type SegmentSnapshot = { id: string; index: number; speaker: string | null; startMs: number; endMs: number; text: string };

/** One reviewer edit of a transcript: which version it made, and the segments as they were before. */
export const TranscriptRevisionEntity = defineEntity({
  name: 'TranscriptRevision',
  tableName: 'transcript_revision',
  uniques: [{ properties: ['call', 'version'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    call: () => p.manyToOne(CallEntity).deleteRule('cascade'),
    version: p.integer(),
    action: p.enum(['update', 'merge', 'split', 'relabel-all']),
    by: () => p.manyToOne(UserEntity),
    at: p.datetime().onCreate(() => new Date()),
    segmentIds: p.json<string[]>(),
    before: p.json<SegmentSnapshot[]>().type(EncryptedJson),
  },
});
export type TranscriptRevisionRow = InferEntity<typeof TranscriptRevisionEntity>;
