import { useEffect, useId, useRef, useState } from 'react';
import { SPEAKERS, type Speaker, type TranscriptSegment } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import { formatClock, formatSentiment, splitPoint } from './format';
import type { TranscriptEdit } from './use-transcript-edits';

/**
 * One transcript segment: its time (a button that seeks the recording), the speaker (a select), the text,
 * and the edits: change the text inline, merge with the next segment, split at the caret.
 */
export function SegmentItem({
  segment,
  hasNext,
  playing,
  editing,
  busy,
  playerMs,
  onSeek,
  onStartEdit,
  onStopEdit,
  onEdit,
}: {
  segment: TranscriptSegment;
  hasNext: boolean;
  playing: boolean;
  editing: boolean;
  busy: boolean;
  playerMs: number | null;
  onSeek: (ms: number) => void;
  onStartEdit: () => void;
  onStopEdit: () => void;
  /** Resolves true when the edit was saved. */
  onEdit: (edit: TranscriptEdit) => Promise<boolean>;
}) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const id = useId();
  const time = formatClock(segment.startMs);
  const [draft, setDraft] = useState(segment.text);
  const [caret, setCaret] = useState<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing) textarea.current?.focus();
  }, [editing]);

  const startEdit = () => {
    setDraft(segment.text);
    setCaret(null);
    onStartEdit();
  };
  const save = async () => {
    if (draft.trim() === segment.text) return onStopEdit();
    if (await onEdit({ kind: 'update', segmentId: segment.id, text: draft.trim() })) onStopEdit();
  };
  const point = caret === null || draft !== segment.text ? null : splitPoint(segment, caret, playerMs);
  const split = async () => {
    if (point && (await onEdit({ kind: 'split', segmentId: segment.id, ...point }))) onStopEdit();
  };
  const trackCaret = () => setCaret(textarea.current?.selectionStart ?? null);

  return (
    <li className="segment" data-speaker={segment.speaker ?? 'none'} aria-current={playing ? 'true' : undefined}>
      <div className="row segment-head">
        <button type="button" className="link time" aria-label={t('calls.segment.seek', { time })} onClick={() => onSeek(segment.startMs)}>
          {time}
        </button>
        <label htmlFor={`${id}-speaker`} className="visually-hidden">
          {t('calls.segment.speaker', { time })}
        </label>
        <select
          id={`${id}-speaker`}
          className="speaker"
          value={segment.speaker ?? ''}
          disabled={busy}
          onChange={(event) => void onEdit({ kind: 'update', segmentId: segment.id, speaker: event.target.value as Speaker })}
        >
          {segment.speaker === null && (
            <option value="" disabled>
              {t('calls.speaker.none')}
            </option>
          )}
          {SPEAKERS.map((speaker) => (
            <option key={speaker} value={speaker}>
              {t(`calls.speaker.${speaker}`)}
            </option>
          ))}
        </select>
        {playing && <span className="badge">{t('calls.segment.playing')}</span>}
        {segment.edited && <span className="muted">{t('calls.segment.edited')}</span>}
      </div>
      {editing ? (
        <div className="stack">
          <label htmlFor={`${id}-text`} className="visually-hidden">
            {t('calls.segment.text', { time })}
          </label>
          <textarea
            id={`${id}-text`}
            ref={textarea}
            value={draft}
            aria-describedby={`${id}-split-hint`}
            onChange={(event) => {
              setDraft(event.target.value);
              trackCaret();
            }}
            onSelect={trackCaret}
            onFocus={trackCaret}
            onKeyUp={trackCaret}
            onClick={trackCaret}
          />
          <p id={`${id}-split-hint`} className="muted hint">
            {draft !== segment.text ? t('calls.segment.splitSaveFirst') : t('calls.segment.splitHint')}
          </p>
          <div className="row">
            <button type="button" disabled={busy || draft.trim() === ''} onClick={() => void save()}>
              {t('calls.segment.save')}
            </button>
            <button type="button" className="secondary" disabled={busy || !point} onClick={() => void split()}>
              {t('calls.segment.split')}
            </button>
            <button type="button" className="secondary" onClick={onStopEdit}>
              {t('calls.segment.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="segment-text">{segment.text || <span className="muted">{t('calls.segment.empty')}</span>}</p>
          <div className="row segment-actions">
            <button type="button" className="secondary small" disabled={busy} aria-label={t('calls.segment.editLabel', { time })} onClick={startEdit}>
              {t('calls.segment.edit')}
            </button>
            {hasNext && (
              <button
                type="button"
                className="secondary small"
                disabled={busy}
                aria-label={t('calls.segment.mergeLabel', { time })}
                onClick={() => void onEdit({ kind: 'merge', segmentId: segment.id })}
              >
                {t('calls.segment.merge')}
              </button>
            )}
            {segment.sentiment !== null && (
              <span className="muted">
                {t('calls.segment.sentiment', {
                  value: formatSentiment(segment.sentiment, lang),
                  emotion: segment.emotion ? t(`calls.emotion.${segment.emotion}`) : t('calls.none'),
                })}
              </span>
            )}
          </div>
        </>
      )}
    </li>
  );
}
