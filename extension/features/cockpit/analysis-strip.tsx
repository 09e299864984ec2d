import { useId } from 'react';
import { hasLeader, SCORE_IDS } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import { hasAnalysis, percent, scoreTone, type AnalysisView } from './analysis-view';

/**
 * The analysis at a glance (issue 11: readable while talking): the leading archetype with its probability
 * and the four scores as chips with short names. The number is always text; the tone only repeats it.
 * The full analysis (distribution, evidence, the rules behind each score) stays in the panel further down.
 */
export function AnalysisStrip({ view }: { view: AnalysisView }) {
  const t = useT();
  const id = useId();
  if (!hasAnalysis(view)) return null;
  const leader = hasLeader(view.archetypes) ? view.archetypes[0] : undefined;
  return (
    <section aria-labelledby={`${id}-heading`} className="strip">
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('live.strip.heading')}
      </h2>
      {leader && (
        <p className="strip-leader">
          <span className="muted">{t('live.strip.leading')}</span> <strong>{t(`archetype.${leader.id}`)}</strong>{' '}
          <span className="strip-pct">{percent(leader.probability)}%</span>
        </p>
      )}
      {view.scores && (
        <ul className="plain strip-scores">
          {SCORE_IDS.map((scoreId) => {
            const value = view.scores![scoreId].value;
            return (
              <li key={scoreId} className="chip" data-tone={scoreTone(scoreId, value)}>
                <span aria-hidden="true">{t(`live.strip.${scoreId}`)}</span>
                <span className="visually-hidden">{t(`score.${scoreId}`)}:</span> <strong>{value}</strong>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
