import { useId } from 'react';
import type { CallDetail } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import type { CallsClient } from './calls-client';
import { CriterionItem } from './criterion-item';
import { formatScore } from './format';

/** The scorecard's verdict: the weighted total, an auto-fail notice, and every criterion with its evidence. */
export function ScorecardResult({ client, call, onSeek }: { client: CallsClient; call: CallDetail; onSeek: (ms: number) => void }) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const id = useId();
  const score = call.evaluation;
  return (
    <section aria-labelledby={`${id}-heading`} className="stack scorecard">
      <h3 id={`${id}-heading`}>{score ? t('calls.score.heading', { name: score.scorecardName }) : t('calls.score.headingPlain')}</h3>
      {!score ? (
        <p className="muted">{call.status === 'processing' ? t('calls.score.pending') : t('calls.score.none')}</p>
      ) : (
        <>
          <div className="meter-row total">
            <div
              role="meter"
              aria-labelledby={`${id}-total`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(score.total)}
              className="bar"
              data-tone={score.total >= 70 ? 'good' : score.total >= 40 ? 'mid' : 'bad'}
            >
              <span className="bar-fill" style={{ width: `${score.total}%` }} />
            </div>
            <span id={`${id}-total`} className="score-total">
              {t('calls.score.total', { value: formatScore(score.total, lang) })}
            </span>
          </div>
          <p className="muted">{t('calls.score.version', { key: score.scorecardKey, version: String(score.scorecardVersion) })}</p>
          {score.autoFailed && (
            <p className="auto-fail">
              <strong>{t('calls.score.autoFailed')}</strong> {t('calls.score.autoFailedWhy')}
            </p>
          )}
          <ul className="plain stack criteria" aria-label={t('calls.score.criteria')}>
            {score.criteria.map((criterion) => (
              <CriterionItem key={criterion.criterionId} client={client} callId={call.id} criterion={criterion} onSeek={onSeek} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
