import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LIVE_CHANNELS, LIVE_SAMPLE_RATE } from '@sufler/shared';
import type { Actor } from '../actor';
import type { CallsService } from '../calls/calls-service';
import type { AudioCodec, BlobStore } from '../calls/ports';
import { liveBlobs } from './live-blobs';
import { LiveSegmentEntity } from './live-segment.entity';
import type { LiveSessionRow } from './live-session.entity';

export type FinishDeps = { blobs: BlobStore; calls: CallsService; audio: AudioCodec };

/**
 * Makes the stored chunks of a live session a call: the interleaved PCM is encoded losslessly (FLAC, about
 * half the size of WAV for speech) and goes through the same ingest as an upload (checks,
 * encrypted store, the whole pipeline), with the consultant on the left, the session's client, and the
 * live transcript kept for the transcription stage. Returns the call id, or null when no audio arrived.
 */
export async function finishLiveSession(em: EntityManager, row: LiveSessionRow, actor: Actor, deps: FinishDeps): Promise<string | null> {
  if (row.chunks === 0) return null;
  const dir = await mkdtemp(join(tmpdir(), 'sufler-live-'));
  try {
    const raw = join(dir, 'audio.pcm');
    const out = createWriteStream(raw, { mode: 0o600 });
    for (let i = 0; i < row.chunks; i++) {
      const chunk = await deps.blobs.get(liveBlobs.chunk(row.id, i));
      if (!chunk) throw new Error(`Chunk ${i} of the live recording is missing from the blob store`);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

    const flac = join(dir, 'meeting.flac');
    await deps.audio.encodeFlac(raw, flac, { sampleRate: LIVE_SAMPLE_RATE, channels: LIVE_CHANNELS });

    const segments = await em.find(LiveSegmentEntity, { liveSession: row.id }, { orderBy: { index: 'asc' } });
    // The call's identity is the live session, not the bytes: two meetings that sound the same (silence, a demo
    // replayed) are two calls, and a Stop retried after a crash finds the call it already made.
    const file = { path: flac, sizeBytes: (await stat(flac)).size, sha256: await sha256Of(flac, `sufler/live/${row.id}\n`), originalName: null };
    const result = await deps.calls.ingest(
      em,
      actor,
      file,
      {
        clientId: row.client.id,
        consultantChannel: 'left',
        scorecardKey: 'SALES',
        title: `Spotkanie na żywo ${row.startedAt.toISOString().slice(0, 16).replace('T', ' ')}`,
        recordedAt: row.startedAt.toISOString(),
      },
      { liveTranscript: segments.map((s) => ({ speaker: s.speaker, startMs: s.startMs, endMs: s.endMs, text: s.text })) },
    );
    return result.call.id;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function sha256Of(path: string, salt: string): Promise<string> {
  const hash = createHash('sha256').update(salt);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
