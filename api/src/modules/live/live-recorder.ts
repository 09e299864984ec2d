import type { MikroORM } from '@mikro-orm/postgresql';
import { isEcho, LIVE_SAMPLE_RATE, type LiveFrame, type LiveSegment, type Speaker } from '@sufler/shared';
import type { Logger } from '../../logger';
import type { Actor } from '../actor';
import type { BlobStore, SpeechClassifierFactory } from '../calls/ports';
import { liveBlobs } from './live-blobs';
import type { LiveEvents } from './live-events';
import { LiveSegmentEntity } from './live-segment.entity';
import { LiveSessionEntity, type LiveSessionRow } from './live-session.entity';
import { createLiveSide, type LiveSide, type SideUtterance } from './live-side';
import { createTranscriptFeed, type TranscriptFeed } from './transcript-feed';
import type { LiveTranscriber, LiveTranscriberStream } from './ports';
import type { AnalysisService } from '../analysis/analysis.service';

/** Audio gathered before it is written as one chunk and acknowledged. */
const CHUNK_MS = 2000;
/** How long a consultant utterance waits for the client side to settle before the echo check judges it. */
const ECHO_WAIT_MS = 2000;
/** The most silence put in for frames a capture lost (its resend buffer overflowed). */
const MAX_FILL_MS = 120_000;
/** Client segments kept for the echo check. */
const ECHO_MEMORY_MS = 30_000;

export type RecorderDeps = {
  orm: MikroORM;
  blobs: BlobStore;
  speech: SpeechClassifierFactory;
  transcriber: LiveTranscriber | null;
  analysis: AnalysisService;
  events: LiveEvents;
  logger: Logger;
  language: string;
  endSilenceMs: number;
  maxDurationMs: number;
  now?: () => number;
};

export type RecorderStats = { segments: number; droppedEcho: number; droppedHallucination: number; empty: number; lostMs: number };

/**
 * A live session while its capture is connected to this process: frames are stored in chunks (and then
 * acknowledged), both sides are cut into utterances and transcribed, finished segments are stored and
 * streamed, and the side that speaks for the client feeds the co-pilot session as `transcript` observations.
 * Made from the stored row, so a capture that reconnects after a restart goes on where the row says.
 */
export async function createLiveRecorder(row: LiveSessionRow, actor: Actor, deps: RecorderDeps) {
  const now = deps.now ?? Date.now;
  const id = row.id;
  let nextSeq = row.nextSeq;
  let chunks = row.chunks;
  let receivedMs = row.receivedMs;
  let segmentCount = row.segments;
  const startOffsetMs = row.receivedMs;
  let pending: Buffer[] = [];
  let pendingMs = 0;
  let pendingLastSeq = -1;
  // Frames accepted but maybe not yet taken (processing is queued): the seq the next frame must have.
  let queuedSeq = row.nextSeq - 1;
  let queuedMs = row.receivedMs;
  let closed = false;
  let work: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const stats: RecorderStats = { segments: 0, droppedEcho: 0, droppedHallucination: 0, empty: 0, lostMs: 0 };
  const ackListeners = new Set<(seq: number) => void>();
  const abort = new AbortController();

  const openStream = async (side: Speaker): Promise<LiveTranscriberStream | null> =>
    row.transcription === 'live' && deps.transcriber ? deps.transcriber.open({ side, language: deps.language, signal: abort.signal }) : null;

  const recentClient: { startMs: number; endMs: number; text: string }[] = [];
  const feedSpeaker: Speaker = row.mode === 'mic_only' ? 'CONSULTANT' : 'CLIENT';
  const feed: TranscriptFeed = createTranscriptFeed({
    orm: deps.orm,
    analysis: deps.analysis,
    actor,
    live: { id, sessionId: row.session.id },
    batches: row.batches,
    logger: deps.logger,
    now,
    onAnalysis: (event) => deps.events.emit(id, event),
  });

  const sides = new Map<Speaker, LiveSide>();
  const judging = new Set<Promise<void>>();
  const sideOf = async (speaker: Speaker) =>
    createLiveSide({
      speaker,
      classifier: await deps.speech.create(),
      transcriber: await openStream(speaker),
      offsetMs: startOffsetMs,
      endSilenceMs: deps.endSilenceMs,
      now,
      onUtterance: (u) => {
        // Kept until settled: Stop waits for every utterance (an echo check may still be waiting on the other side).
        const settled = onUtterance(u).catch(fail);
        judging.add(settled);
        void settled.finally(() => judging.delete(settled));
      },
      onError: fail,
    });
  sides.set('CONSULTANT', await sideOf('CONSULTANT'));
  if (row.mode === 'tab_and_mic') sides.set('CLIENT', await sideOf('CLIENT'));

  function fail(error: unknown) {
    deps.logger.warn({ err: error, liveSessionId: id }, 'live transcription failed for an utterance');
  }

  let segmentsWritten: Promise<void> = Promise.resolve();
  async function onUtterance(u: SideUtterance): Promise<void> {
    if (!u.text) return void stats.empty++;
    if (u.dropped) return void stats.droppedHallucination++;
    const client = sides.get('CLIENT');
    if (u.speaker === 'CONSULTANT' && client) {
      await client.settledThrough(u.endMs + 300, ECHO_WAIT_MS);
      if (isEcho(u, recentClient)) return void stats.droppedEcho++;
    }
    if (u.speaker === 'CLIENT') {
      recentClient.push(u);
      while (recentClient.length && recentClient[0]!.endMs < u.endMs - ECHO_MEMORY_MS) recentClient.shift();
    }
    // One segment at a time, so indexes follow the order segments were settled in.
    segmentsWritten = segmentsWritten.then(() => storeSegment(u)).catch(fail);
    await segmentsWritten;
  }

  async function storeSegment(u: SideUtterance): Promise<void> {
    const em = deps.orm.em.fork();
    const index = segmentCount++;
    const entity = em.create(LiveSegmentEntity, { liveSession: id, index, speaker: u.speaker, startMs: Math.round(u.startMs), endMs: Math.round(u.endMs), text: u.text });
    await em.flush();
    await em.nativeUpdate(LiveSessionEntity, { id }, { segments: segmentCount });
    stats.segments++;
    const segment: LiveSegment = { id: entity.id, index, speaker: u.speaker, startMs: entity.startMs, endMs: entity.endMs, text: u.text };
    deps.events.emit(id, { type: 'segment', segment, latencyMs: now() - u.speechEndAt });
    if (u.speaker === feedSpeaker) feed.add(segment, u.speechEndAt);
  }

  async function writeChunk(): Promise<void> {
    if (!pending.length) return;
    const bytes = Buffer.concat(pending);
    const lastSeq = pendingLastSeq;
    const ms = pendingMs;
    // The chunk's name is its number: a retry after a crash between the write and the row update writes the same name.
    await deps.blobs.put(liveBlobs.chunk(id, chunks), bytes);
    chunks++;
    receivedMs += ms;
    nextSeq = lastSeq + 1;
    pending = [];
    pendingMs = 0;
    // `updatedAt` by hand (a native update runs no hooks): it is how a sweep anywhere tells a live recording from an abandoned one.
    await deps.orm.em.fork().nativeUpdate(LiveSessionEntity, { id }, { nextSeq, chunks, receivedMs: Math.round(receivedMs), updatedAt: new Date() });
    for (const listener of ackListeners) listener(lastSeq);
  }

  async function take(frame: LiveFrame): Promise<void> {
    pending.push(interleavedBytes(frame));
    pendingMs += frame.durationMs;
    pendingLastSeq = frame.seq;
    const consultant = sides.get('CONSULTANT')!;
    const client = sides.get('CLIENT');
    await Promise.all([consultant.push(frame.left), client?.push(frame.right)]);
    if (pendingMs >= CHUNK_MS) await writeChunk();
  }

  /** Chunk writes and frames go through one queue: two writers at once would give two chunks one number. */
  function enqueue(step: () => Promise<void>): Promise<void> {
    work = work.then(step).catch((error: unknown) => {
      failure ??= error;
      deps.logger.error({ err: error, liveSessionId: id }, 'live audio could not be stored');
    });
    return work;
  }

  /** What the socket should do with a frame: take it, ignore a repeat, or ask for a resend from `nextSeq`. */
  function classify(seq: number): 'take' | 'repeat' | 'gap' {
    const expected = queuedSeq + 1;
    if (seq === expected) return 'take';
    return seq < expected ? 'repeat' : 'gap';
  }

  return {
    id,
    transcription: row.transcription,
    get nextSeq() {
      return queuedSeq + 1;
    },
    /** Every frame before this is stored durably. */
    get storedSeq() {
      return nextSeq;
    },
    get receivedMs() {
      return queuedMs;
    },
    stats,
    classify,
    onAck(listener: (seq: number) => void): () => void {
      ackListeners.add(listener);
      return () => ackListeners.delete(listener);
    },
    /**
     * Queues a frame `classify` said to take (or a gap: the capture's buffer overflowed during a long outage
     * and those frames are gone). The missing frames become silence of this frame's length each, so what
     * follows keeps its place in time. Frames are processed in order.
     */
    accept(frame: LiveFrame): 'ok' | 'too-long' {
      if (closed) return 'ok';
      const missing = Math.max(0, frame.seq - (queuedSeq + 1));
      const fillMs = Math.min(MAX_FILL_MS, missing * frame.durationMs);
      if (queuedMs + fillMs + frame.durationMs > deps.maxDurationMs) return 'too-long';
      queuedSeq = frame.seq;
      queuedMs += fillMs + frame.durationMs;
      if (fillMs) stats.lostMs += fillMs;
      const filler = fillMs ? silence(frame.seq, fillMs) : null;
      void enqueue(async () => {
        if (filler) await take(filler);
        await take(frame);
      });
      return 'ok';
    },
    /** The capture went away (socket closed) without ending: store what arrived, keep the row recording. */
    async detach(): Promise<void> {
      await enqueue(writeChunk);
      await segmentsWritten;
    },
    /** Stop: store the tail, finish every utterance and its transcript, the last observation; then close. */
    async end(): Promise<RecorderStats> {
      closed = true;
      await enqueue(writeChunk);
      await Promise.all([...sides.values()].map((side) => side.flush()));
      while (judging.size) await Promise.all(judging);
      await segmentsWritten;
      await feed.flush();
      abort.abort();
      if (failure) throw failure;
      return stats;
    },
    /** Drops everything in memory (the service is closing); stored chunks stay. */
    close(): void {
      closed = true;
      abort.abort();
    },
  };
}

export type LiveRecorder = Awaited<ReturnType<typeof createLiveRecorder>>;

/** Silence standing in for lost frames; it carries the seq before `seq`, so the chunk acknowledges up to there only. */
function silence(seq: number, ms: number): LiveFrame {
  const n = Math.round((ms * LIVE_SAMPLE_RATE) / 1000);
  return { seq: seq - 1, sampleRate: LIVE_SAMPLE_RATE, channels: 2, left: new Int16Array(n), right: new Int16Array(n), durationMs: ms };
}

/** The frame's samples as the interleaved little-endian bytes the chunks keep. */
function interleavedBytes(frame: LiveFrame): Buffer {
  const out = Buffer.alloc(frame.left.length * 4);
  for (let i = 0; i < frame.left.length; i++) {
    out.writeInt16LE(frame.left[i]!, i * 4);
    out.writeInt16LE(frame.right[i] ?? 0, i * 4 + 2);
  }
  return out;
}

export const LIVE_BYTES_PER_MS = (LIVE_SAMPLE_RATE / 1000) * 4;
