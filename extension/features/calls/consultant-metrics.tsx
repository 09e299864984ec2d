import { useId } from 'react';
import type { ConsultantMetrics } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import { formatClock } from './format';

/**
 * The consultant's side as behaviour only: how much they talked, the longest monologue, interruptions, pace
 * and questions. No emotion is inferred about employees (EU AI Act art. 5(1)(f)), and the screen says so.
 */
export function ConsultantMetricsView({ metrics }: { metrics: ConsultantMetrics | null }) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const id = useId();
  const rows: [string, string][] = metrics
    ? [
        [t('calls.metrics.talkRatio'), `${Math.round(metrics.talkRatio * 100)}%`],
        [t('calls.metrics.longestMonologue'), formatClock(metrics.longestMonologueMs)],
        [t('calls.metrics.interruptions'), metrics.interruptions.toLocaleString(lang)],
        [t('calls.metrics.wordsPerMinute'), Math.round(metrics.wordsPerMinute).toLocaleString(lang)],
        [t('calls.metrics.questions'), metrics.questions.toLocaleString(lang)],
      ]
    : [];
  return (
    <section aria-labelledby={`${id}-heading`} className="stack metrics">
      <h3 id={`${id}-heading`}>{t('calls.metrics.heading')}</h3>
      {metrics ? (
        <dl className="facts">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('calls.metrics.none')}</p>
      )}
      <p className="muted hint">{t('calls.metrics.noEmotions')}</p>
    </section>
  );
}
