import { useEffect, useState } from 'react';
import type { Scores } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import { deltaTone, formatDelta, scoreTone } from './analysis-view';

/** How long the "+7" highlight stays after a score moves. */
export const DELTA_HOLD_MS = 4000;

/**
 * The change since the value this component last showed, kept for `holdMs` and then cleared. `key` grows with
 * every change, so the highlight restarts its animation even when two changes in a row are equal.
 */
export function useValueDelta(value: number, holdMs = DELTA_HOLD_MS) {
  const [state, setState] = useState({ value, delta: null as number | null, key: 0 });
  // Derived during render (React's "adjust state when a prop changes"), so the delta shows with the new width.
  if (state.value !== value) setState({ value, delta: value - state.value, key: state.key + 1 });
  useEffect(() => {
    if (state.delta === null) return;
    const timer = setTimeout(() => setState((current) => ({ ...current, delta: null })), holdMs);
    return () => clearTimeout(timer);
  }, [state.key, state.delta, holdMs]);
  return state;
}

/**
 * One score as a bar that grows to its new width (CSS transition) with the change highlighted for a moment.
 * `role="meter"` with the value in text too, so neither colour nor width carries the number alone.
 */
export function ScoreMeter({ scoreId, value, labelId }: { scoreId: keyof Scores; value: number; labelId: string }) {
  const t = useT();
  const { delta, key } = useValueDelta(value);
  const tone = scoreTone(scoreId, value);
  return (
    <div className="meter-row">
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={t('analysis.scoreValue', { value: String(value) })}
        className="bar"
        data-tone={tone}
      >
        <span className="bar-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="score-value">{value}</span>
      {delta !== null && delta !== 0 && (
        <span key={key} className="delta" data-tone={deltaTone(scoreId, delta)}>
          <span className="visually-hidden">{t('analysis.deltaLabel')} </span>
          {formatDelta(delta)}
        </span>
      )}
    </div>
  );
}
