import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CALL_STATUSES, CONSULTANT_CHANNELS, type ConsultantMetrics, type SpeechSpan } from '@sufler/shared';
import { EncryptedText } from '../../db/encrypted-type';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';

/** A recorded call: the audio (in the blob store, encrypted), what was found in it, and its scores. */
export const CallEntity = defineEntity({
  name: 'Call',
  tableName: 'call',
  // The transcript search: `search_terms @> $query` is answered from this index.
  indexes: [{ properties: ['searchTerms'], type: 'gin' }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    consultant: () => p.manyToOne(UserEntity).index(),
    uploadedBy: () => p.manyToOne(UserEntity),
    /** Erasing the client erases its calls (DESIGN.md, Trust): see `eraseClient`. */
    client: () => p.manyToOne(ClientEntity).nullable().index(),
    /** Often a file name that names the client: encrypted like notes. */
    title: p.text().type(EncryptedText),
    /** SHA-256 of the uploaded bytes: a re-upload of the same recording finds this call. */
    audioSha256: p.string().length(64).unique(),
    mimeType: p.string().length(60),
    format: p.string().length(10),
    sizeBytes: p.bigint('number'),
    durationMs: p.integer(),
    channels: p.smallint(),
    sampleRate: p.integer(),
    consultantChannel: p.enum([...CONSULTANT_CHANNELS]).nullable(),
    scorecardKey: p.string().length(40),
    status: p.enum([...CALL_STATUSES]).default('processing').index(),
    score: p.double().nullable(),
    autoFailed: p.boolean().default(false),
    sentiment: p.double().nullable(),
    transcriptVersion: p.integer().default(0),
    /** Voice-activity spans per channel (timings only). */
    speech: p.json<SpeechSpan[]>().nullable(),
    metrics: p.json<ConsultantMetrics>().nullable(),
    /** Keyed hashes of the transcript's stems (`transcriptSearchTerms`): searchable, yet no plaintext at rest. */
    searchTerms: p.array<string>().columnType('text[]').default([]).hidden(),
    recordedAt: p.datetime().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type CallRow = InferEntity<typeof CallEntity>;
