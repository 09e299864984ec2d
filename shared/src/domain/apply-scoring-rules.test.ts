import { describe, expect, test } from 'vitest';
import type { Score } from '../schemas/analysis';
import { ScoringRulesSchema } from '../schemas/knowledge-pack';
import { ARCHETYPE_IDS, type Language, type ScoreId } from '../schemas/vocabulary';
import { applyScoringRules, type ScoringInput } from './apply-scoring-rules';

// Parsed like the pack's YAML, so the schema's defaults (archetype `min` 0.25, signal `min` 0) apply.
const RULES = ScoringRulesSchema.parse({
  version: 3,
  base: { readiness: 30, funDriveRisk: 20, lossRisk: 20, potential: 40 },
  rules: [
    { id: 'intent', score: 'readiness', when: { signal: 'buying_intent' }, points: 40, label: { pl: 'Chce kupić', en: 'Wants to buy' } },
    { id: 'urgent', score: 'readiness', when: { signal: 'urgency', min: 0.5 }, points: 20, label: { pl: 'Pilne', en: 'Urgent' } },
    { id: 'budget', score: 'readiness', when: { entity: 'budget' }, points: 10, label: { pl: 'Podał budżet', en: 'Stated a budget' } },
    { id: 'looking', score: 'readiness', when: { signal: 'just_looking' }, points: -40, label: { pl: 'Tylko ogląda', en: 'Just looking' } },
    { id: 'price', score: 'readiness', when: { signal: 'price_objection' }, points: -30, label: { pl: 'Za drogo', en: 'Too expensive' } },
    { id: 'drive_topic', score: 'funDriveRisk', when: { module: 'test_drive' }, points: 15, label: { pl: 'Temat jazdy próbnej', en: 'Test drive topic' } },
    { id: 'free_ride', score: 'funDriveRisk', when: { signal: 'free_ride_intent', min: 0.3 }, points: 50, label: { pl: 'Chce się przejechać', en: 'Wants a ride' } },
    { id: 'family', score: 'potential', when: { archetype: 'family_guardian' }, points: 20, label: { pl: 'Rodzina', en: 'Family' } },
    { id: 'fleet', score: 'potential', when: { signal: 'business_use' }, points: 40, label: { pl: 'Auto firmowe', en: 'Company car' } },
    { id: 'high_value', score: 'potential', when: { signal: 'high_value' }, points: 30, label: { pl: 'Duża transakcja', en: 'Big deal' } },
    { id: 'upset', score: 'lossRisk', when: { sentiment: 'negative' }, points: 30, label: { pl: 'Zdenerwowany', en: 'Upset' } },
    { id: 'happy', score: 'lossRisk', when: { sentiment: 'positive' }, points: -20, label: { pl: 'Zadowolony', en: 'Pleased' } },
  ],
});

const uniform = ARCHETYPE_IDS.map((id) => ({ id, probability: 0.1, evidence: [] }));
const NEUTRAL: ScoringInput = { signals: [], entities: [], modules: [], archetypes: uniform, sentiment: { score: 0, label: 'neutral' } };
const signal = (id: ScoringInput['signals'][number]['id'], strength: number) => ({ id, strength, evidence: '…' });

const hit = (id: string, label: string, points: number) => ({ id, label, points });

describe('applyScoringRules', () => {
  test('nothing fires: every score is its base, with no rules', () => {
    expect(applyScoringRules(RULES, NEUTRAL, 'pl')).toEqual({
      readiness: { value: 30, rules: [] },
      funDriveRisk: { value: 20, rules: [] },
      lossRisk: { value: 20, rules: [] },
      potential: { value: 40, rules: [] },
    });
  });

  test.each<[string, Partial<ScoringInput>, ScoreId, Score]>([
    // Signals: points × strength, and only from `min` up.
    ['a signal at full strength', { signals: [signal('buying_intent', 1)] }, 'readiness', { value: 70, rules: [hit('intent', 'Chce kupić', 40)] }],
    ['a signal scaled by strength', { signals: [signal('buying_intent', 0.5)] }, 'readiness', { value: 50, rules: [hit('intent', 'Chce kupić', 20)] }],
    ['points rounded to 0.1, value to whole', { signals: [signal('buying_intent', 0.33)] }, 'readiness', { value: 43, rules: [hit('intent', 'Chce kupić', 13.2)] }],
    ['a signal at its min', { signals: [signal('urgency', 0.5)] }, 'readiness', { value: 40, rules: [hit('urgent', 'Pilne', 10)] }],
    ['a signal below its min', { signals: [signal('urgency', 0.49)] }, 'readiness', { value: 30, rules: [] }],
    ['a signal of strength 0', { signals: [signal('buying_intent', 0)] }, 'readiness', { value: 30, rules: [] }],
    ['another score’s signal', { signals: [signal('free_ride_intent', 0.8)] }, 'readiness', { value: 30, rules: [] }],
    ['a signal with a min on another score', { signals: [signal('free_ride_intent', 0.8)] }, 'funDriveRisk', { value: 60, rules: [hit('free_ride', 'Chce się przejechać', 40)] }],
    // Entities and modules: present or not.
    ['an entity', { entities: [{ kind: 'budget', value: '200 tys. zł', evidence: 'do 200 tysięcy' }] }, 'readiness', { value: 40, rules: [hit('budget', 'Podał budżet', 10)] }],
    ['another entity', { entities: [{ kind: 'competitor', value: 'Tesla', evidence: 'Tesla' }] }, 'readiness', { value: 30, rules: [] }],
    ['a module', { modules: ['family', 'test_drive'] }, 'funDriveRisk', { value: 35, rules: [hit('drive_topic', 'Temat jazdy próbnej', 15)] }],
    ['another module', { modules: ['family'] }, 'funDriveRisk', { value: 20, rules: [] }],
    // Archetypes: points × probability, from `min` (default 0.25) up.
    ['an archetype above min', { archetypes: [{ id: 'family_guardian', probability: 0.45, evidence: [] }] }, 'potential', { value: 49, rules: [hit('family', 'Rodzina', 9)] }],
    ['an archetype at the default min', { archetypes: [{ id: 'family_guardian', probability: 0.25, evidence: [] }] }, 'potential', { value: 45, rules: [hit('family', 'Rodzina', 5)] }],
    ['an archetype below min', { archetypes: [{ id: 'family_guardian', probability: 0.2, evidence: [] }] }, 'potential', { value: 40, rules: [] }],
    // Sentiment: points × |score|, at least half.
    ['negative sentiment', { sentiment: { score: -0.8, label: 'negative' } }, 'lossRisk', { value: 44, rules: [hit('upset', 'Zdenerwowany', 24)] }],
    ['mildly negative sentiment counts half', { sentiment: { score: -0.2, label: 'negative' } }, 'lossRisk', { value: 35, rules: [hit('upset', 'Zdenerwowany', 15)] }],
    ['positive sentiment lowers', { sentiment: { score: 0.9, label: 'positive' } }, 'lossRisk', { value: 2, rules: [hit('happy', 'Zadowolony', -18)] }],
    ['neutral sentiment', { sentiment: { score: 0.1, label: 'neutral' } }, 'lossRisk', { value: 20, rules: [] }],
    // Clamped to 0..100, the rules still listed.
    [
      'clamped at 100',
      { signals: [signal('business_use', 1), signal('high_value', 1)], archetypes: [{ id: 'family_guardian', probability: 0.9, evidence: [] }] },
      'potential',
      { value: 100, rules: [hit('fleet', 'Auto firmowe', 40), hit('high_value', 'Duża transakcja', 30), hit('family', 'Rodzina', 18)] },
    ],
    [
      'clamped at 0',
      { signals: [signal('price_objection', 1), signal('just_looking', 1)] },
      'readiness',
      { value: 0, rules: [hit('looking', 'Tylko ogląda', -40), hit('price', 'Za drogo', -30)] },
    ],
    // Biggest effect first, whatever the sign.
    [
      'sorted by |points|',
      { signals: [signal('buying_intent', 0.5), signal('just_looking', 0.9)], entities: [{ kind: 'budget', value: '1500 zł/mies.', evidence: 'rata 1500' }] },
      'readiness',
      { value: 24, rules: [hit('looking', 'Tylko ogląda', -36), hit('intent', 'Chce kupić', 20), hit('budget', 'Podał budżet', 10)] },
    ],
  ])('%s', (_case, input, scoreId, expected) => {
    expect(applyScoringRules(RULES, { ...NEUTRAL, ...input }, 'pl')[scoreId]).toEqual(expected);
  });

  test.each<[Language, string[]]>([
    ['pl', ['Chce się przejechać', 'Temat jazdy próbnej']],
    ['en', ['Wants a ride', 'Test drive topic']],
  ])('labels in %s', (language, labels) => {
    const scores = applyScoringRules(RULES, { ...NEUTRAL, signals: [signal('free_ride_intent', 1)], modules: ['test_drive'] }, language);
    expect(scores.funDriveRisk).toEqual({ value: 85, rules: [hit('free_ride', labels[0]!, 50), hit('drive_topic', labels[1]!, 15)] });
  });

  test('every value is a whole number within 0..100', () => {
    const busy: ScoringInput = {
      signals: [signal('buying_intent', 0.77), signal('urgency', 0.61), signal('free_ride_intent', 0.33), signal('business_use', 0.9)],
      entities: [{ kind: 'budget', value: '250 tys.', evidence: '250 tysięcy' }],
      modules: ['test_drive'],
      archetypes: [{ id: 'family_guardian', probability: 0.37, evidence: [] }],
      sentiment: { score: -0.35, label: 'negative' },
    };
    for (const { value } of Object.values(applyScoringRules(RULES, busy, 'en'))) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
    }
  });
});
