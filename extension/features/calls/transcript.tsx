import { useId, useState } from 'react';
import type { CallDetail } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import type { CallsClient } from './calls-client';
import { segmentAt } from './format';
import { SegmentItem } from './segment-item';
import { useTranscriptEdits, type TranscriptEdit } from './use-transcript-edits';

/**
 * The transcript review: the segments in time order, the one being played marked, one editor open at a time.
 * After edits, "Przelicz oceny" scores and reads the sentiment again on the corrected text.
 */
export function Transcript({
  client,
  call,
  playerMs,
  onSeek,
  recomputing,
  onRecompute,
}: {
  client: CallsClient;
  call: CallDetail;
  playerMs: number | null;
  onSeek: (ms: number) => void;
  recomputing: boolean;
  onRecompute: () => void;
}) {
  const t = useT();
  const id = useId();
  const [editingId, setEditingId] = useState<string | null>(null);
  const edits = useTranscriptEdits(client, call);
  const playing = playerMs === null ? null : segmentAt(call.segments, playerMs);

  const edit = async (change: TranscriptEdit) => {
    try {
      await edits.mutateAsync(change);
      return true;
    } catch {
      return false;
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="stack transcript">
      <div className="row">
        <h3 id={`${id}-heading`}>{t('calls.transcript.heading')}</h3>
        <button type="button" className="secondary small" disabled={recomputing} onClick={onRecompute}>
          {recomputing ? t('calls.recomputing') : t('calls.recompute')}
        </button>
      </div>
      <p className="muted">{t('calls.transcript.version', { version: String(call.transcriptVersion) })}</p>
      {edits.conflict && (
        <p role="alert" className="error">
          {t('calls.transcript.conflict')}
        </p>
      )}
      {edits.failed && (
        <p role="alert" className="error">
          {t('calls.transcript.saveError')}
        </p>
      )}
      {call.segments.length === 0 ? (
        <p className="muted">{call.status === 'processing' ? t('calls.transcript.pending') : t('calls.transcript.empty')}</p>
      ) : (
        <ol className="plain stack segments" aria-labelledby={`${id}-heading`}>
          {call.segments.map((segment, index) => (
            <SegmentItem
              key={segment.id}
              segment={segment}
              hasNext={index < call.segments.length - 1}
              playing={playing?.id === segment.id}
              editing={editingId === segment.id}
              busy={edits.isPending}
              playerMs={playerMs}
              onSeek={onSeek}
              onStartEdit={() => {
                edits.reset();
                setEditingId(segment.id);
              }}
              onStopEdit={() => setEditingId(null)}
              onEdit={edit}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
