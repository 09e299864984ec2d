import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { MergeSegmentsInput, SplitSegmentInput, UpdateSegmentInput } from '@sufler/shared';
import { DomainError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { refreshSearchTerms, type SearchTermHasher } from './call-search';
import { CallSegmentEntity, findSegments, type CallSegmentRow } from './call-segment.entity';
import { CallEntity, type CallRow } from './call.entity';
import { TranscriptRevisionEntity, type SegmentSnapshot } from './transcript-revision.entity';

/**
 * Reviewer edits of a transcript. Each names the version it was made on (a stale view is a CONFLICT,
 * never a silently lost change), keeps the segments as they were in a revision, bumps the version,
 * and is audited. Scores are recomputed on request (`calls.recompute`), not on every keystroke.
 */
export function createTranscriptEdits(hash: SearchTermHasher) {
  async function edit(
    em: EntityManager,
    actor: Actor,
    call: CallRow,
    version: number,
    action: 'update' | 'merge' | 'split',
    change: (segments: CallSegmentRow[], tx: EntityManager) => CallSegmentRow[],
  ): Promise<void> {
    await em.transactional(async (tx) => {
      // Row lock: two reviewers saving at once are serialised, and the second sees the first's version.
      const current = await tx.findOneOrFail(CallEntity, { id: call.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (current.transcriptVersion !== version) {
        throw new DomainError('CONFLICT', 'The transcript was changed meanwhile: reload it and edit again');
      }
      const segments = await findSegments(tx, call.id);
      const snapshot = new Map(segments.map((s) => [s.id, snap(s)]));
      const touched = change(segments, tx);
      tx.create(TranscriptRevisionEntity, {
        call: call.id,
        version: version + 1,
        action,
        by: actor.id,
        segmentIds: touched.map((s) => s.id),
        before: touched.flatMap((s) => snapshot.get(s.id) ?? []),
      });
      current.transcriptVersion = version + 1;
      refreshSearchTerms(current, segments.map((s) => s.text), hash);
      await tx.flush();
      audit(tx, { actor, action: 'update', entity: 'call', entityId: call.id, detail: { transcript: action, version: version + 1 } });
    });
  }

  return {
    update: (em: EntityManager, actor: Actor, call: CallRow, input: UpdateSegmentInput) =>
      edit(em, actor, call, input.transcriptVersion, 'update', (segments) => {
        const segment = find(segments, input.segmentId);
        if (input.text !== undefined) segment.text = input.text;
        if (input.speaker !== undefined) segment.speaker = input.speaker;
        segment.edited = true;
        return [segment];
      }),

    merge: (em: EntityManager, actor: Actor, call: CallRow, input: MergeSegmentsInput) =>
      edit(em, actor, call, input.transcriptVersion, 'merge', (segments, tx) => {
        const first = find(segments, input.segmentId);
        const second = segments[segments.indexOf(first) + 1];
        if (!second) throw new DomainError('INVALID', 'The last segment has none after it to merge with');
        first.text = [first.text.trim(), second.text.trim()].filter(Boolean).join(' ');
        first.startMs = Math.min(first.startMs, second.startMs);
        first.endMs = Math.max(first.endMs, second.endMs);
        first.edited = true;
        if (first.speaker !== second.speaker) first.speaker = first.speaker ?? second.speaker ?? null;
        segments.splice(segments.indexOf(second), 1);
        tx.remove(second);
        reindex(segments);
        return [first, second];
      }),

    split: (em: EntityManager, actor: Actor, call: CallRow, input: SplitSegmentInput) =>
      edit(em, actor, call, input.transcriptVersion, 'split', (segments, tx) => {
        const segment = find(segments, input.segmentId);
        if (input.atMs <= segment.startMs || input.atMs >= segment.endMs) {
          throw new DomainError('INVALID', 'Split inside the segment: between its start and its end');
        }
        if (input.atChar > segment.text.length) throw new DomainError('INVALID', 'The split position is past the end of the text');
        const text = segment.text;
        const second = tx.create(CallSegmentEntity, {
          call: segment.call,
          index: segment.index + 1,
          speaker: input.secondSpeaker ?? segment.speaker ?? null,
          channel: segment.channel ?? null,
          track: segment.track ?? null,
          startMs: input.atMs,
          endMs: segment.endMs,
          text: text.slice(input.atChar).trim(),
          edited: true,
        });
        segment.text = text.slice(0, input.atChar).trim();
        segment.endMs = input.atMs;
        segment.edited = true;
        segments.splice(segments.indexOf(segment) + 1, 0, second);
        reindex(segments);
        return [segment, second];
      }),
  };
}

function find(segments: CallSegmentRow[], id: string): CallSegmentRow {
  const segment = segments.find((s) => s.id === id);
  if (!segment) throw notFound('Segment');
  return segment;
}

function reindex(segments: CallSegmentRow[]): void {
  segments.forEach((s, index) => {
    s.index = index;
  });
}

const snap = (s: CallSegmentRow): SegmentSnapshot => ({ id: s.id, index: s.index, speaker: s.speaker ?? null, startMs: s.startMs, endMs: s.endMs, text: s.text });
