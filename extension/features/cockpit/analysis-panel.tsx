import { useId } from 'react';
import { SCORE_IDS } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import { hasAnalysis, inRulesMode, type AnalysisView } from './analysis-view';

/** Leading archetype with its evidence, and the four scores, each explained by the rules behind it. */
export function AnalysisPanel({ view }: { view: AnalysisView }) {
  const t = useT();
  const id = useId();
  const leader = view.archetypes[0];
  return (
    <section aria-labelledby={`${id}-heading`} className="card stack">
      <div className="row">
        <h2 id={`${id}-heading`}>{t('analysis.heading')}</h2>
        {inRulesMode(view) && (
          <span className="badge" title={t('analysis.rulesModeTitle')}>
            {t('analysis.rulesMode')}
          </span>
        )}
      </div>
      {!hasAnalysis(view) ? (
        <p className="muted">{t('analysis.empty')}</p>
      ) : (
        <>
          {leader && (
            <div>
              <p className="muted">{t('analysis.leading')}</p>
              <p className="leader">
                <strong>{t(`archetype.${leader.id}`)}</strong>{' '}
                <span className="muted">{t('analysis.probability', { value: String(Math.round(leader.probability * 100)) })}</span>
              </p>
              {leader.evidence.length > 0 && (
                <details>
                  <summary>{t('analysis.evidence')}</summary>
                  <ul>
                    {leader.evidence.map((item, index) => (
                      <li key={index}>{item}</li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          )}
          {view.scores && (
            <dl className="scores">
              {SCORE_IDS.map((scoreId) => {
                const score = view.scores![scoreId];
                const label = t(`score.${scoreId}`);
                return (
                  <div key={scoreId} className="score">
                    <dt id={`${id}-${scoreId}`}>{label}</dt>
                    <dd>
                      <meter
                        min={0}
                        max={100}
                        low={34}
                        high={66}
                        // Risks are good when low, readiness and potential when high: the colour says which.
                        optimum={scoreId === 'funDriveRisk' || scoreId === 'lossRisk' ? 0 : 100}
                        value={score.value}
                        aria-labelledby={`${id}-${scoreId}`}
                      />{' '}
                      <span>{score.value}</span>
                      <details>
                        <summary>{t('analysis.rules', { score: label })}</summary>
                        {score.rules.length === 0 ? (
                          <p className="muted">{t('analysis.noRules')}</p>
                        ) : (
                          <ul>
                            {score.rules.map((rule) => (
                              <li key={rule.id}>
                                {rule.label} ({rule.points > 0 ? '+' : ''}
                                {rule.points})
                              </li>
                            ))}
                          </ul>
                        )}
                      </details>
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
        </>
      )}
    </section>
  );
}
