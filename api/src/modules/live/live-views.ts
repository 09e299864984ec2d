import type { LiveSegment, LiveSession } from '@sufler/shared';
import type { LiveSessionRow } from './live-session.entity';

/** A live session as the wire shows it (shared `LiveSessionSchema`). */
export const toLiveSession = (row: LiveSessionRow): LiveSession => ({
  id: row.id,
  sessionId: row.session.id,
  clientId: row.client.id,
  mode: row.mode,
  status: row.status,
  transcription: row.transcription,
  startedAt: row.startedAt,
  endedAt: row.endedAt ?? null,
  receivedMs: row.receivedMs,
  callId: row.callId ?? null,
  error: row.error ?? null,
});

export const toSegment = (row: { id: string; index: number; speaker: LiveSegment['speaker']; startMs: number; endMs: number; text: string }): LiveSegment => ({
  id: row.id,
  index: row.index,
  speaker: row.speaker,
  startMs: row.startMs,
  endMs: row.endMs,
  text: row.text,
});

