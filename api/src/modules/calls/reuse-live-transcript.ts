import type { ConsultantChannel } from '@sufler/shared';
import { callBlobs, type LiveTranscriptLine } from './call-blobs';
import type { BlobStore } from './ports';

type Segment = { id: string; channel?: number | null; startMs: number; endMs: number };

/**
 * A call made from a live meeting already has a transcript: each live utterance's text goes to the
 * segment of the same side that it overlaps most (the batch cut and the live cut differ a little), in time
 * order. Segments no live utterance falls into are left for the transcriber. Returns text by segment id.
 */
export function assignLiveText(segments: readonly Segment[], lines: readonly LiveTranscriptLine[], consultantChannel: ConsultantChannel): Map<string, string> {
  const consultant = consultantChannel === 'right' ? 1 : 0;
  const parts = new Map<string, { startMs: number; text: string }[]>();
  for (const line of lines) {
    const channel = line.speaker === 'CONSULTANT' ? consultant : 1 - consultant;
    let best: Segment | null = null;
    let bestOverlap = 0;
    for (const s of segments) {
      if ((s.channel ?? 0) !== channel) continue;
      const overlap = Math.min(s.endMs, line.endMs) - Math.max(s.startMs, line.startMs);
      if (overlap > bestOverlap) {
        best = s;
        bestOverlap = overlap;
      }
    }
    if (best && line.text.trim()) parts.set(best.id, [...(parts.get(best.id) ?? []), { startMs: line.startMs, text: line.text.trim() }]);
  }
  return new Map([...parts].map(([id, list]) => [id, list.sort((a, b) => a.startMs - b.startMs).map((p) => p.text).join(' ')]));
}

/** The live transcript stored with a call made from a meeting, or null for an uploaded call. */
export async function loadLiveTranscript(blobs: BlobStore, callId: string): Promise<LiveTranscriptLine[] | null> {
  const bytes = await blobs.get(callBlobs.liveTranscript(callId));
  return bytes ? (JSON.parse(bytes.toString('utf8')) as LiveTranscriptLine[]) : null;
}
