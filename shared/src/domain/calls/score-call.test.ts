import { expect, test } from 'vitest';
import {
  CallScoreSchema,
  type CriterionEvaluation,
  type CriterionOverride,
  type CriterionResult,
  type ScorecardInput,
} from '../../schemas/call';
import { scoreCall } from './score-call';

const SCORECARD: ScorecardInput & { version: number } = {
  key: 'TEST',
  name: 'Test',
  description: 'Karta testowa',
  version: 3,
  criteria: [
    { id: 'greeting', label: 'Powitanie', description: 'd', weight: 10, autoFail: false, side: 'CONSULTANT', evidence: ['dzień dobry'], needed: 1 },
    { id: 'needs', label: 'Potrzeby', description: 'd', weight: 25, autoFail: false, side: 'CONSULTANT', evidence: ['budżet'], needed: 1 },
    { id: 'offer', label: 'Oferta', description: 'd', weight: 35, autoFail: false, side: 'CONSULTANT', evidence: ['oferta'], needed: 1 },
    { id: 'identity', label: 'Tożsamość', description: 'd', weight: 30, autoFail: true, side: 'CONSULTANT', evidence: ['PESEL'], needed: 1 },
  ],
};

const evaluation = (criterionId: string, result: CriterionResult): CriterionEvaluation => ({
  criterionId,
  result,
  evidence: null,
  source: 'llm',
  rationale: null,
});
const override = (result: CriterionResult): CriterionOverride => ({
  result,
  comment: 'Słychać na nagraniu',
  byUserId: '00000000-0000-4000-8000-0000000000aa',
  at: '2025-03-01T10:00:00.000Z',
});

type Results = [greeting: CriterionResult | null, needs: CriterionResult | null, offer: CriterionResult | null, identity: CriterionResult | null];
const IDS = ['greeting', 'needs', 'offer', 'identity'];
const evaluationsOf = (results: Results) =>
  results.flatMap((result, i) => (result ? [evaluation(IDS[i]!, result)] : []));

test.each<[string, Results, Record<string, CriterionResult>, number, boolean]>([
  ['all met', ['met', 'met', 'met', 'met'], {}, 100, false],
  ['partly counts half', ['met', 'partly', 'met', 'met'], {}, 87.5, false],
  ['not met counts nothing', ['not_met', 'met', 'partly', 'met'], {}, 72.5, false],
  ['auto-fail criterion not met zeroes the total', ['met', 'met', 'met', 'not_met'], {}, 0, true],
  ['auto-fail criterion partly met does not fail', ['met', 'met', 'met', 'partly'], {}, 85, false],
  ['an override replaces the automatic result', ['not_met', 'met', 'met', 'met'], { greeting: 'met' }, 100, false],
  ['an override can fail the call', ['met', 'met', 'met', 'met'], { identity: 'not_met' }, 0, true],
  ['an override can rescue an auto-fail', ['met', 'met', 'met', 'not_met'], { identity: 'met' }, 100, false],
  ['a missing evaluation counts as not met', ['met', null, 'met', 'met'], {}, 75, false],
  ['a missing auto-fail evaluation fails the call', ['met', 'met', 'met', null], {}, 0, true],
  ['an override without an evaluation counts', ['met', null, 'met', 'met'], { needs: 'partly' }, 87.5, false],
  ['overrides of unknown criteria are ignored', ['met', 'met', 'met', 'met'], { other: 'not_met' }, 100, false],
])('%s', (_name, results, overrideResults, total, autoFailed) => {
  const overrides = Object.fromEntries(Object.entries(overrideResults).map(([id, result]) => [id, override(result)]));
  const score = scoreCall(SCORECARD, evaluationsOf(results), overrides);
  expect(CallScoreSchema.parse(score)).toEqual(score);
  expect([score.total, score.autoFailed]).toEqual([total, autoFailed]);
  expect(score.criteria.map((c) => c.result)).toEqual(
    IDS.map((id, i) => overrideResults[id] ?? results[i] ?? 'not_met'),
  );
});

test('keeps the automatic result next to the override, in scorecard order', () => {
  const score = scoreCall(SCORECARD, [evaluation('offer', 'partly'), evaluation('greeting', 'met')], { offer: override('met') });
  expect(score).toMatchObject({ scorecardKey: 'TEST', scorecardVersion: 3, scorecardName: 'Test' });
  expect(score.criteria.map((c) => c.criterionId)).toEqual(IDS);
  expect(score.criteria[2]).toMatchObject({ automatic: { result: 'partly', source: 'llm' }, override: { result: 'met' }, result: 'met' });
  expect(score.criteria[1]).toMatchObject({ automatic: { result: 'not_met', source: 'rules', evidence: null }, override: null });
});

test.each<[number[], CriterionResult[], number]>([
  [[1, 1, 1], ['met', 'partly', 'not_met'], 50],
  [[1, 2], ['met', 'not_met'], 33.3],
  [[2, 1], ['met', 'not_met'], 66.7],
  [[3, 3, 1], ['partly', 'met', 'not_met'], 64.3],
])('weights %j with %j → %d (a share of the weights, one decimal)', (weights, results, total) => {
  const criteria = weights.map((weight, i) => ({ ...SCORECARD.criteria[0]!, id: `c-${i}`, weight }));
  const evaluations = results.map((result, i) => evaluation(`c-${i}`, result));
  expect(scoreCall({ ...SCORECARD, criteria }, evaluations, {}).total).toBe(total);
});
