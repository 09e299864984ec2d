import { describe, expect, test } from 'vitest';
import type { AnalysisEvent } from '@sufler/shared';
import {
  EMPTY_VIEW,
  analysisViewOf,
  deltaTone,
  formatDelta,
  hasAnalysis,
  percent,
  scoreTone,
  inRulesMode,
  suggestionCount,
  viewFromAnalysis,
} from './analysis-view';
import { analysis, ids, llm, scores, streamEvents, suggestion } from './test-fixtures';

const events = streamEvents();
const upTo = (n: number) => events.slice(0, n);

describe('analysisViewOf', () => {
  test.each([
    // [events seen, stage, leading archetype, has scores, suggestions arrived]
    [0, null, undefined, false, 0],
    [1, 'accepted', undefined, false, 0],
    [2, 'signals', undefined, false, 0],
    [3, 'archetypes', 'family_guardian', false, 0],
    [4, 'scores', 'family_guardian', true, 0],
    [5, 'suggestions', 'family_guardian', true, 1],
    [7, 'suggestions', 'family_guardian', true, 3],
    [8, 'suggestions', 'family_guardian', true, 4],
    [9, 'done', 'family_guardian', true, 4],
  ] as const)('after %i events: stage %s', (count, stage, leader, withScores, arrived) => {
    const view = analysisViewOf(upTo(count));
    expect(view.stage).toBe(stage);
    expect(view.archetypes[0]?.id).toBe(leader);
    expect(view.scores !== null).toBe(withScores);
    expect(suggestionCount(view)).toBe(arrived);
    expect(view.interactionId).toBe(count === 0 ? null : ids.interaction);
  });

  test('suggestions fill their own slot, whatever order they come in', () => {
    const view = analysisViewOf([
      { type: 'accepted', interactionId: ids.interaction },
      { type: 'suggestion', index: 2, suggestion: suggestion(3) },
      { type: 'suggestion', index: 0, suggestion: suggestion(1) },
      { type: 'suggestion', index: 7, suggestion: suggestion(9) },
    ]);
    expect(view.suggestions.map((s) => s?.id ?? null)).toEqual(['s1', null, 's3', null]);
  });

  test('a new observation keeps the previous numbers on screen but drops its suggestions', () => {
    const previous = analysisViewOf(events);
    const view = analysisViewOf([{ type: 'accepted', interactionId: 'next' }], previous);
    expect(view.interactionId).toBe('next');
    expect(view.scores).toEqual(previous.scores);
    expect(view.archetypes).toEqual(previous.archetypes);
    expect(suggestionCount(view)).toBe(0);
  });

  test('done replaces the streamed view with the stored analysis', () => {
    const final = analysis({ scores: scores({ readiness: 90 }), producedBy: { analysis: llm, suggestions: llm } });
    const streamed: AnalysisEvent[] = [...upTo(4), { type: 'done', interactionId: ids.interaction, analysis: final }];
    const view = analysisViewOf(streamed);
    expect(view).toEqual(viewFromAnalysis(ids.interaction, final));
    expect(view.scores?.readiness.value).toBe(90);
    expect(suggestionCount(view)).toBe(4);
  });

  test.each([
    ['both steps by the rules', { analysis: { mode: 'rules' }, suggestions: { mode: 'rules' } }, true],
    ['rules for the suggestions only', { analysis: { mode: 'llm' }, suggestions: { mode: 'rules' } }, true],
    ['a model for both', { analysis: { mode: 'llm' }, suggestions: { mode: 'llm' } }, false],
  ] as const)('rules mode: %s', (_, producedBy, expected) => {
    const view = viewFromAnalysis(ids.interaction, analysis({ producedBy: { analysis: { ...llm, ...producedBy.analysis }, suggestions: { ...llm, ...producedBy.suggestions } } }));
    expect(inRulesMode(view)).toBe(expected);
  });

  test('the empty view has nothing to show', () => {
    expect(hasAnalysis(EMPTY_VIEW)).toBe(false);
    expect(inRulesMode(EMPTY_VIEW)).toBe(false);
    expect(hasAnalysis(analysisViewOf(upTo(3)))).toBe(true);
  });
});

describe('what the meters and the distribution print', () => {
  test.each([
    [0, 0],
    [0.004, 0],
    [0.005, 1],
    [0.1, 10],
    [0.6049, 60],
    [1, 100],
  ])('percent(%d) is %i', (probability, expected) => expect(percent(probability)).toBe(expected));

  test.each([
    [7, '+7'],
    [-3, '−3'],
    [0, ''],
  ])('formatDelta(%i) is "%s"', (delta, expected) => expect(formatDelta(delta)).toBe(expected));

  test.each([
    // [score, value, tone]: risks read the other way round.
    ['readiness', 80, 'good'],
    ['readiness', 50, 'mid'],
    ['readiness', 20, 'bad'],
    ['potential', 66, 'good'],
    ['potential', 33, 'bad'],
    ['lossRisk', 80, 'bad'],
    ['lossRisk', 10, 'good'],
    ['funDriveRisk', 50, 'mid'],
  ] as const)('scoreTone(%s, %i) is %s', (scoreId, value, tone) => expect(scoreTone(scoreId, value)).toBe(tone));

  test.each([
    ['readiness', 7, 'good'],
    ['readiness', -7, 'bad'],
    ['lossRisk', 7, 'bad'],
    ['funDriveRisk', -5, 'good'],
  ] as const)('a change of %s by %i is %s', (scoreId, delta, tone) => expect(deltaTone(scoreId, delta)).toBe(tone));
});
