import { hasLeader, type ArchetypeScore, type LeaderChange } from '@sufler/shared';
import { useT, type Translate } from '../../lib/i18n';
import { percent } from './analysis-view';

const quoted = (items: readonly string[]) => items.map((item) => `„${item}”`).join(', ');

/** The sentence that says who took the lead from whom, and the words that tipped it. */
export function leaderChangeText(t: Translate, change: LeaderChange): string {
  const moved = t('analysis.leaderChange', { from: t(`archetype.${change.from}`), to: t(`archetype.${change.to}`) });
  return change.because.length > 0 ? `${moved} ${t('analysis.leaderChangeBecause', { because: quoted(change.because) })}` : moved;
}

/**
 * The leading archetype with the evidence for it, the reason when the lead just changed, and every archetype's
 * probability as a list: the percentage is text, the bar only repeats it.
 */
export function ArchetypeDistribution({
  archetypes,
  leaderChange,
}: {
  archetypes: ArchetypeScore[];
  leaderChange: LeaderChange | null;
}) {
  const t = useT();
  const leader = hasLeader(archetypes) ? archetypes[0] : undefined;
  return (
    <div className="stack">
      {leader ? (
        <div>
          <p className="muted">{t('analysis.leading')}</p>
          <p className="leader">
            <strong>{t(`archetype.${leader.id}`)}</strong>{' '}
            <span className="muted">{t('analysis.probability', { value: String(percent(leader.probability)) })}</span>
          </p>
          {leader.evidence.length > 0 ? (
            <div className="evidence">
              <span className="muted">{t('analysis.evidence')}:</span>
              <ul className="plain chips" aria-label={t('analysis.evidence')}>
                {leader.evidence.map((item, index) => (
                  <li key={index}>„{item}”</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">{t('analysis.noEvidence')}</p>
          )}
        </div>
      ) : (
        <p className="muted">{t('analysis.noLeader')}</p>
      )}
      {leaderChange && (
        <p role="status" className="leader-change">
          {leaderChangeText(t, leaderChange)}
        </p>
      )}
      <ul className="plain distribution" aria-label={t('analysis.distribution')}>
        {archetypes.map((archetype) => {
          const value = percent(archetype.probability);
          return (
            <li key={archetype.id} data-leader={archetype.id === leader?.id}>
              <span className="name">{t(`archetype.${archetype.id}`)}</span>
              <span className="pct">{value}%</span>
              <span className="bar" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${value}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
