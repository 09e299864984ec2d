import { useId } from 'react';
import type { SentimentPoint } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import { formatClock, formatSentiment, sentimentTone } from './format';
import { summarizeSentiment, timeTicks } from './sentiment-summary';

const W = 320;
const H = 140;
const PAD = { left: 28, right: 8, top: 8, bottom: 22 };

/**
 * The client's sentiment over the call: points −1…1 joined by a line, a zero line, m:ss ticks. The picture is
 * summed up in a sentence (its accessible name) and every point is in a table, so nothing rests on the
 * picture alone; the table's times seek the recording.
 */
export function SentimentChart({ points, durationMs, onSeek }: { points: readonly SentimentPoint[]; durationMs: number; onSeek: (ms: number) => void }) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const id = useId();
  const summary = summarizeSentiment(points);
  const end = Math.max(durationMs, ...points.map((point) => point.endMs), 1);
  const x = (ms: number) => PAD.left + ((W - PAD.left - PAD.right) * ms) / end;
  const y = (score: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (1 - score)) / 2;
  const sorted = [...points].sort((a, b) => a.startMs - b.startMs);
  const at = (point: SentimentPoint) => (point.startMs + point.endMs) / 2;

  return (
    <section aria-labelledby={`${id}-heading`} className="stack sentiment">
      <h3 id={`${id}-heading`}>{t('calls.sentiment.heading')}</h3>
      {!summary ? (
        <p className="muted">{t('calls.sentiment.none')}</p>
      ) : (
        <>
          <p id={`${id}-summary`}>
            {t('calls.sentiment.summary', {
              mean: formatSentiment(summary.mean, lang),
              tone: t(`calls.tone.${sentimentTone(summary.mean)}`),
              count: String(summary.count),
            })}{' '}
            {t('calls.sentiment.extremes', {
              low: formatSentiment(summary.lowest.score, lang),
              lowAt: formatClock(summary.lowest.startMs),
              high: formatSentiment(summary.highest.score, lang),
              highAt: formatClock(summary.highest.startMs),
            })}
            {summary.trend && <> {t(`calls.sentiment.trend.${summary.trend}`)}</>}
          </p>
          <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-labelledby={`${id}-heading ${id}-summary`}>
            {[1, 0, -1].map((value) => (
              <g key={value}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(value)} y2={y(value)} className={value === 0 ? 'zero' : 'grid'} />
                <text x={PAD.left - 4} y={y(value) + 4} textAnchor="end" className="tick">
                  {value > 0 ? '+1' : value < 0 ? '−1' : '0'}
                </text>
              </g>
            ))}
            {timeTicks(end).map((ms) => (
              // The last label ends at the right edge instead of being cut in half by it.
              <text key={ms} x={x(ms)} y={H - 6} textAnchor={x(ms) > W - PAD.right - 16 ? 'end' : 'middle'} className="tick">
                {formatClock(ms)}
              </text>
            ))}
            <polyline className="line" points={sorted.map((point) => `${x(at(point))},${y(point.score)}`).join(' ')} />
            {sorted.map((point) => (
              <circle key={point.segmentId} cx={x(at(point))} cy={y(point.score)} r={3.5} className="point" data-tone={sentimentTone(point.score)} />
            ))}
          </svg>
          <details>
            <summary>{t('calls.sentiment.table')}</summary>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('calls.sentiment.time')}</th>
                  <th scope="col">{t('calls.sentiment.score')}</th>
                  <th scope="col">{t('calls.sentiment.emotion')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((point) => (
                  <tr key={point.segmentId}>
                    <td>
                      <button
                        type="button"
                        className="link time"
                        aria-label={t('calls.sentiment.seek', { time: formatClock(point.startMs) })}
                        onClick={() => onSeek(point.startMs)}
                      >
                        {formatClock(point.startMs)}
                      </button>
                    </td>
                    <td>{formatSentiment(point.score, lang)}</td>
                    <td>{t(`calls.emotion.${point.emotion}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      <p className="muted hint">{t('calls.sentiment.clientOnly')}</p>
    </section>
  );
}
