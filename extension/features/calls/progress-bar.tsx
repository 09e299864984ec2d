import { percent } from './stage-view';

/** A determinate progress bar with its value in words for assistive technology (and in text next to it). */
export function ProgressBar({ value, label, tone }: { value: number; label: string; tone?: 'bad' | 'good' }) {
  const pct = percent(value);
  return (
    <div className="progress-row">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="bar"
        data-tone={tone}
      >
        <span className="bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="score-value">{pct}%</span>
    </div>
  );
}
