import { randomUUID } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { CALL_STAGES, canSeeClient, TEAM_ROLES, type UploadErrorCode, type UploadOptions, type UploadResult } from '@sufler/shared';
import { SNIFF_BYTES, sniffAudioType } from '../../audio/sniff-audio-type';
import type { Queue } from '../../queue/queue';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';
import { callBlobs, type LiveTranscriptLine } from './call-blobs';
import { CallStageEntity } from './call-stage.entity';
import { toCallSummary } from './call-views';
import { CallEntity, type CallRow } from './call.entity';
import { AudioError, type AudioCodec, type BlobStore } from './ports';
import { ScorecardEntity } from './scorecard.entity';

/** Why an upload was refused, with the HTTP status it is answered with. Nothing is stored. */
export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string,
    readonly status: number = 422,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export type IngestLimits = { maxBytes: number; maxDurationMs: number };

/** What the transport received: a file on local disk, already hashed while it streamed in. */
export type ReceivedFile = { path: string; sizeBytes: number; sha256: string; originalName: string | null };

export type IngestDeps = { blobs: BlobStore; queue: Queue; audio: AudioCodec; limits: IngestLimits };

/** What a recording brings besides its bytes when it does not come from an upload: a live meeting's transcript. */
export type IngestExtras = { liveTranscript?: LiveTranscriptLine[] };

const SHORTEST_MS = 300;

/**
 * Validates a received recording (type by content, size, duration, decodable), recognises a re-upload
 * of the same bytes, stores the audio encrypted and the call with its stages, and queues the first
 * stage, in that order: a refusal stores nothing, and a failure after the audio was written removes it.
 */
export async function ingestRecording(
  em: EntityManager,
  actor: Actor,
  file: ReceivedFile,
  options: UploadOptions,
  deps: IngestDeps,
  extras: IngestExtras = {},
): Promise<UploadResult> {
  if (file.sizeBytes === 0) throw new UploadError('EMPTY_FILE', 'The file is empty');
  if (file.sizeBytes > deps.limits.maxBytes) {
    throw new UploadError('TOO_LARGE', `The file is larger than the ${Math.round(deps.limits.maxBytes / 1_048_576)} MB limit`, 413);
  }
  const type = sniffAudioType(await readHead(file.path));
  if (!type) throw new UploadError('UNSUPPORTED_TYPE', 'Not an audio file Sufler reads (MP3, WAV, OGG/Opus, WebM, M4A, FLAC)', 415);

  const existing = await em.findOne(CallEntity, { audioSha256: file.sha256 }, { populate: ['consultant', 'client'] });
  if (existing) return duplicateOf(em, actor, existing);

  const consultantId = await resolveConsultant(em, actor, options.consultantId);
  if (options.clientId) {
    const client = await em.findOne(ClientEntity, { id: options.clientId });
    if (!client || !canSeeClient(actor, client.owner.id)) throw new UploadError('BAD_OPTIONS', 'No such client');
  }
  if (!(await em.count(ScorecardEntity, { key: options.scorecardKey }))) {
    throw new UploadError('BAD_OPTIONS', `No scorecard ${options.scorecardKey}`);
  }

  const probe = await deps.audio.probe(file.path).catch((error: unknown) => {
    if (error instanceof AudioError) throw new UploadError(error.code === 'FFMPEG_MISSING' ? 'UNDECODABLE' : (error.code as UploadErrorCode), error.message, error.code === 'FFMPEG_MISSING' ? 503 : 422);
    throw error;
  });
  if (probe.durationMs < SHORTEST_MS) throw new UploadError('UNDECODABLE', 'The recording holds no audio');
  if (probe.durationMs > deps.limits.maxDurationMs) {
    throw new UploadError('TOO_LONG', `The recording is longer than ${Math.round(deps.limits.maxDurationMs / 60_000)} minutes`);
  }

  const id = randomUUID();
  await deps.blobs.put(callBlobs.original(id), await readFile(file.path));
  if (extras.liveTranscript?.length) await deps.blobs.put(callBlobs.liveTranscript(id), Buffer.from(JSON.stringify(extras.liveTranscript)));
  try {
    await em.transactional(async (tx) => {
      tx.create(CallEntity, {
        id,
        consultant: consultantId,
        uploadedBy: actor.id,
        client: options.clientId ?? null,
        title: options.title ?? titleFrom(file.originalName),
        audioSha256: file.sha256,
        mimeType: type.mimeType,
        format: type.format,
        sizeBytes: file.sizeBytes,
        durationMs: probe.durationMs,
        channels: Math.min(2, probe.channels),
        sampleRate: probe.sampleRate,
        consultantChannel: probe.channels >= 2 ? (options.consultantChannel ?? null) : null,
        scorecardKey: options.scorecardKey,
        recordedAt: options.recordedAt ? new Date(options.recordedAt) : new Date(),
      });
      for (const stage of CALL_STAGES) tx.create(CallStageEntity, { call: id, stage });
      audit(tx, { actor, action: 'create', entity: 'call', entityId: id, detail: { bytes: file.sizeBytes, durationMs: probe.durationMs } });
      await tx.flush();
      await deps.queue.send('callStage', { callId: id, stage: 'decode' }, tx);
    });
  } catch (error) {
    await deps.blobs.deletePrefix(callBlobs.prefix(id));
    // Two uploads of the same bytes at once: the second finds the first.
    if (error instanceof UniqueConstraintViolationException) {
      const first = await em.fork().findOne(CallEntity, { audioSha256: file.sha256 }, { populate: ['consultant', 'client'] });
      if (first) return duplicateOf(em, actor, first);
    }
    throw error;
  }
  const call = await em.fork().findOneOrFail(CallEntity, { id }, { populate: ['consultant', 'client'] });
  return { call: toCallSummary(call), duplicate: false };
}

async function duplicateOf(em: EntityManager, actor: Actor, existing: CallRow): Promise<UploadResult> {
  if (!canSeeClient(actor, existing.consultant.id)) {
    throw new UploadError('DUPLICATE_OF_OTHER', "This recording was already uploaded to another consultant's calls", 409);
  }
  return { call: toCallSummary(existing), duplicate: true };
}

/** Consultants upload their own calls; managers and admins may file one under any active user. */
async function resolveConsultant(em: EntityManager, actor: Actor, requested: string | undefined): Promise<string> {
  if (!requested || requested === actor.id) return actor.id;
  if (!TEAM_ROLES.includes(actor.role)) throw new UploadError('BAD_OPTIONS', 'Only managers and admins may upload calls of other consultants', 403);
  const user = await em.findOne(UserEntity, { id: requested });
  if (!user || !user.active) throw new UploadError('BAD_OPTIONS', 'No such active consultant');
  return user.id;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function titleFrom(name: string | null): string {
  const base = name?.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/\p{Cc}/gu, '').trim();
  return base ? base.slice(0, 200) : 'Rozmowa';
}
