import type {
  CallScore,
  CriterionEvaluation,
  CriterionOverride,
  CriterionResult,
  CriterionScore,
  ScorecardInput,
} from '../../schemas/call';

const VALUE: Record<CriterionResult, number> = { met: 1, partly: 0.5, not_met: 0 };

/** What a criterion counts as when no stage evaluated it (a template edited after the call was scored). */
const placeholder = (criterionId: string): CriterionEvaluation => ({
  criterionId,
  result: 'not_met',
  evidence: null,
  source: 'rules',
  rationale: 'Brak oceny tego kryterium: liczone jako niespełnione.',
});

/**
 * A call's score on a scorecard version (issue 5, "Scorecards"): the weighted share of criteria met,
 * 0–100 to one decimal (met counts 1, partly 0.5, not met 0). A reviewer's override replaces the
 * automatic result and is kept next to it. Any auto-fail criterion not met makes the total 0.
 * Criteria follow the scorecard's order; evaluations or overrides of criteria it lacks are ignored.
 */
export function scoreCall(
  scorecard: ScorecardInput & { version: number },
  evaluations: readonly CriterionEvaluation[],
  overrides: Readonly<Record<string, CriterionOverride>>,
): CallScore {
  const automaticById = new Map(evaluations.map((evaluation) => [evaluation.criterionId, evaluation]));
  const criteria = scorecard.criteria.map((criterion): CriterionScore => {
    const automatic = automaticById.get(criterion.id) ?? placeholder(criterion.id);
    const override = Object.hasOwn(overrides, criterion.id) ? overrides[criterion.id]! : null;
    return {
      criterionId: criterion.id,
      label: criterion.label,
      weight: criterion.weight,
      autoFail: criterion.autoFail,
      automatic,
      override,
      result: override?.result ?? automatic.result,
    };
  });
  const autoFailed = criteria.some((c) => c.autoFail && c.result === 'not_met');
  // Admins' own templates need not sum to 100: the total is a share of the weights there are.
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  const earned = criteria.reduce((sum, c) => sum + c.weight * VALUE[c.result], 0);
  const total = autoFailed || weights === 0 ? 0 : Math.round((earned * 1000) / weights) / 10;
  return {
    scorecardKey: scorecard.key,
    scorecardVersion: scorecard.version,
    scorecardName: scorecard.name,
    total,
    autoFailed,
    criteria,
  };
}
