import type { ScorecardCriterion } from '../../../schemas/call';

type Draft = Omit<ScorecardCriterion, 'autoFail' | 'side' | 'needed'> &
  Partial<Pick<ScorecardCriterion, 'autoFail' | 'side' | 'needed'>>;

/** A built-in criterion with the schema's defaults filled in, so a template is a complete `ScorecardInput` as written. */
export function defineCriterion(draft: Draft): ScorecardCriterion {
  return { autoFail: false, side: 'CONSULTANT', needed: 1, ...draft };
}
