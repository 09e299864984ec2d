import { useId } from 'react';
import { SCORE_IDS } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import { ArchetypeDistribution } from './analysis-distribution';
import { ScoreMeter } from './analysis-meter';
import { hasAnalysis, inRulesMode, type AnalysisView } from './analysis-view';

/**
 * The main analysis, always on screen: the archetype distribution with the leader's evidence, and the four
 * scores, each moving to its new value with the change highlighted and explained by the rules behind it.
 */
export function AnalysisPanel({ view }: { view: AnalysisView }) {
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="card stack analysis">
      <div className="row">
        <h2 id={`${id}-heading`}>{t('analysis.heading')}</h2>
        {inRulesMode(view) && (
          <span className="badge" title={t('analysis.rulesModeTitle')}>
            {t('analysis.rulesMode')}
          </span>
        )}
      </div>
      {!hasAnalysis(view) ? (
        view.stage !== null && view.stage !== 'done' ? (
          <p role="status" className="muted">
            {t('analysis.pending')}
          </p>
        ) : (
          <p className="muted">{t('analysis.empty')}</p>
        )
      ) : (
        <>
          {view.archetypes.length > 0 && (
            <ArchetypeDistribution archetypes={view.archetypes} leaderChange={view.leaderChange} />
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
                      <ScoreMeter scoreId={scoreId} value={score.value} labelId={`${id}-${scoreId}`} />
                      <details>
                        <summary>{t('analysis.rules', { score: label })}</summary>
                        {score.rules.length === 0 ? (
                          <p className="muted">{t('analysis.noRules')}</p>
                        ) : (
                          <ul className="rules">
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
