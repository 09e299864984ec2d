import type { ArchetypeScore, Entity, Scores, Sentiment, Signal } from '../schemas/analysis';
import type { RuleCondition, ScoringRules } from '../schemas/knowledge-pack';
import { SCORE_IDS, type Language, type ModuleId } from '../schemas/vocabulary';

/** Everything a scoring rule may look at: the session's signals, entities, modules and archetypes. */
export type ScoringInput = {
  signals: Signal[];
  entities: Entity[];
  modules: ModuleId[];
  archetypes: ArchetypeScore[];
  sentiment: Sentiment;
};

/** How strongly a condition holds (0 = not at all): a signal's strength, an archetype's probability, 1 for presence. */
function strengthOf(when: RuleCondition, input: ScoringInput): number {
  if ('signal' in when) {
    const strength = input.signals.find((s) => s.id === when.signal)?.strength ?? 0;
    return strength > 0 && strength >= when.min ? strength : 0;
  }
  if ('entity' in when) return input.entities.some((e) => e.kind === when.entity) ? 1 : 0;
  if ('module' in when) return input.modules.includes(when.module) ? 1 : 0;
  if ('archetype' in when) {
    const probability = input.archetypes.find((a) => a.id === when.archetype)?.probability ?? 0;
    return probability >= when.min ? probability : 0;
  }
  return input.sentiment.label === when.sentiment ? Math.max(Math.abs(input.sentiment.score), 0.5) : 0;
}

const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n)));
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The second half of hybrid scoring: editable rules turn the qualitative picture (from the model or
 * the deterministic extractor) into the four 0–100 scores. Each score starts at the pack's base and
 * lists the rules that moved it, biggest effect first, so the rep can see why.
 */
export function applyScoringRules(rules: ScoringRules, input: ScoringInput, language: Language): Scores {
  const scores = Object.fromEntries(
    SCORE_IDS.map((id) => [id, { total: rules.base[id], rules: [] as { id: string; label: string; points: number }[] }]),
  );
  for (const rule of rules.rules) {
    const strength = strengthOf(rule.when, input);
    if (strength === 0) continue;
    const points = round1(rule.points * strength);
    if (points === 0) continue;
    const score = scores[rule.score]!;
    score.total += points;
    score.rules.push({ id: rule.id, label: rule.label[language], points });
  }
  return Object.fromEntries(
    SCORE_IDS.map((id) => {
      const score = scores[id]!;
      return [id, { value: clamp(score.total), rules: score.rules.sort((a, b) => Math.abs(b.points) - Math.abs(a.points)) }];
    }),
  ) as Scores;
}
