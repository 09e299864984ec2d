import { expect, test } from 'vitest';
import { CriterionEvaluationSchema, type CriterionResult, type ScorecardCriterion, type Speaker } from '../../schemas/call';
import { evaluateScorecardRules, type RuleSegment } from './evaluate-scorecard-rules';
import { BUILT_IN_SCORECARDS } from './scorecards/built-in-scorecards';
import { DIALOGUE_PL } from './scorecards/dialogue-pl.fixture';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** Turns written as "C: …" (consultant), "K: …" (client) or "?: …" (not labelled yet), 5 s apart. */
const transcript = (...turns: string[]): RuleSegment[] =>
  turns.map((turn, i) => {
    const speaker: Speaker | null = turn.startsWith('C:') ? 'CONSULTANT' : turn.startsWith('K:') ? 'CLIENT' : null;
    return { id: id(i + 1), speaker, startMs: i * 5000, text: turn.slice(3) };
  });

const criterion = (over: Partial<ScorecardCriterion>): ScorecardCriterion => ({
  id: 'next-step',
  label: 'Następny krok',
  description: 'Konsultant proponuje jazdę próbną.',
  weight: 10,
  autoFail: false,
  side: 'CONSULTANT',
  evidence: ['jazda próbna'],
  needed: 1,
  ...over,
});
const evaluateOne = (c: ScorecardCriterion, segments: RuleSegment[]) => {
  const [evaluation] = evaluateScorecardRules({ key: 'TEST', name: 'Test', description: 'Test', criteria: [c] }, segments);
  expect(CriterionEvaluationSchema.parse(evaluation)).toEqual(evaluation);
  return evaluation!;
};

const TEST_DRIVE = criterion({});
const TWO_OF = criterion({ evidence: ['jazda próbna', 'w czwartek', 'budże*'], needed: 2 });
const CLIENT_AGREES = criterion({ side: 'CLIENT', evidence: ['zgadzam się', 'jazda próbna'] });
const FREE_SLOT = criterion({ evidence: ['mamy wolny termin'] });
const TWO_SPELLINGS = criterion({ evidence: ['jazda próbna', 'jazdę próbną', 'oferta'], needed: 2 });
const NO_THREATS = criterion({ autoFail: true, forbidden: true, evidence: ['przyjedziemy do pana', 'oszust'] });

test.each<[string, ScorecardCriterion, string[], CriterionResult, string | null]>([
  ['an inflected form', TEST_DRIVE, ['C: Zapraszam na jazdę próbną.'], 'met', 'Zapraszam na jazdę próbną.'],
  ['no diacritics, capitals', TEST_DRIVE, ['C: ZAPRASZAM NA JAZDE PROBNA'], 'met', 'ZAPRASZAM NA JAZDE PROBNA'],
  ['the other side only', TEST_DRIVE, ['K: Chciałabym jazdę próbną.'], 'not_met', null],
  ['unlabelled segments count for neither side', TEST_DRIVE, ['?: Zapraszam na jazdę próbną.'], 'not_met', null],
  ['nothing said', TEST_DRIVE, [], 'not_met', null],
  ['negated by the consultant', TEST_DRIVE, ['C: Dziś nie zorganizujemy jazdy próbnej.'], 'not_met', null],
  ['"czy nie …?" is an offer', TEST_DRIVE, ['C: Czy nie chciałaby pani jazdy próbnej?'], 'met', 'Czy nie chciałaby pani jazdy próbnej?'],
  ['negation ends at the comma', TEST_DRIVE, ['C: Nie wiem, może jazda próbna w sobotę?'], 'met', 'Nie wiem, może jazda próbna w sobotę?'],
  ['one of two needed is partly', TWO_OF, ['C: Zapraszam na jazdę próbną.'], 'partly', 'Zapraszam na jazdę próbną.'],
  ['the same phrase twice is still one', TWO_OF, ['C: Jazda próbna.', 'C: Jazdy próbne są darmowe.'], 'partly', 'Jazda próbna.'],
  ['two spellings of one phrase are one', TWO_SPELLINGS, ['C: Jazda próbna, jazdę próbną.'], 'partly', 'Jazda próbna, jazdę próbną.'],
  ['two distinct phrases are met', TWO_OF, ['C: Jaki ma pani budżet?', 'C: Jazda próbna w czwartek?'], 'met', 'Jaki ma pani budżet?'],
  ['a * phrase takes any ending', TWO_OF, ['C: W jakim budżecie się poruszamy? Jazda próbna?'], 'met', 'W jakim budżecie się poruszamy?'],
  ['a client-side criterion', CLIENT_AGREES, ['C: Zgadzam się z panią.', 'K: Dobrze, zgadzam się.'], 'met', 'Dobrze, zgadzam się.'],
  ['a client reporting what did not happen', CLIENT_AGREES, ['K: Pan mi nie zaproponował jazdy próbnej.'], 'not_met', null],
  ['a client refusing', CLIENT_AGREES, ['K: Nie, nie zgadzam się.'], 'not_met', null],
  ['"nie mamy" is not "mamy"', FREE_SLOT, ['C: Niestety nie mamy wolnego terminu w tym tygodniu.'], 'not_met', null],
  ['"mamy wolny termin" in another form', FREE_SLOT, ['C: W czwartek mamy wolne terminy.'], 'met', 'W czwartek mamy wolne terminy.'],
  ['a negated occurrence, then one that counts', FREE_SLOT, ['C: Nie mamy wolnego terminu w czwartek, ale mamy wolny termin w piątek.'], 'met', 'Nie mamy wolnego terminu w czwartek, ale mamy wolny termin w piątek.'],
  ['forbidden: none said is met', NO_THREATS, ['C: Proszę o wpłatę do piątku.'], 'met', null],
  ['forbidden: a threat', NO_THREATS, ['C: Jak pan nie zapłaci to przyjedziemy do pana.'], 'not_met', 'Jak pan nie zapłaci to przyjedziemy do pana.'],
  ['forbidden: negated right before', NO_THREATS, ['C: Spokojnie, nie przyjedziemy do pana.'], 'met', null],
  ['forbidden: said by the client', NO_THREATS, ['K: Pan jest oszust!'], 'met', null],
])('%s', (_name, c, turns, result, quote) => {
  const evaluation = evaluateOne(c, transcript(...turns));
  expect([evaluation.result, evaluation.evidence?.quote ?? null]).toEqual([result, quote]);
  expect(evaluation.source).toBe('rules');
});

test('the evidence is the earliest match, with its segment and start; the rationale lists the phrases found', () => {
  const segments = transcript('C: Dzień dobry.', 'C: Jaki budżet pani zakłada? Pytam, bo to ważne.', 'C: Jazda próbna w czwartek.');
  const evaluation = evaluateOne(TWO_OF, [segments[2]!, segments[0]!, segments[1]!]);
  expect(evaluation.result).toBe('met');
  expect(evaluation.evidence).toEqual({ quote: 'Jaki budżet pani zakłada?', atMs: 5000, segmentId: id(2) });
  expect(evaluation.rationale).toBe('Znalezione zwroty (3 z 2 wymaganych): „budże*”, „jazda próbna”, „w czwartek”.');
});

test('a forbidden phrase is quoted as the evidence', () => {
  const evaluation = evaluateOne(NO_THREATS, transcript('C: Dzień dobry.', 'C: Pan jest oszust. Przyjedziemy do pana.'));
  expect(evaluation).toMatchObject({ result: 'not_met', evidence: { quote: 'Pan jest oszust.', atMs: 5000 } });
  expect(evaluation.rationale).toBe('Padł zakazany zwrot: „oszust”, „przyjedziemy do pana”.');
});

test('a long sentence is cut to 300 characters at word boundaries around the match', () => {
  const filler = 'bardzo długie zdanie bez kropki które ciągnie się i ciągnie';
  const text = `${filler} ${filler} ${filler} a potem zapraszam na jazdę próbną ${filler} ${filler} ${filler}.`;
  const quote = evaluateOne(TEST_DRIVE, [{ id: id(1), speaker: 'CONSULTANT', startMs: 0, text }]).evidence!.quote;
  expect(quote.length).toBeLessThanOrEqual(300);
  expect(quote).toContain('zapraszam na jazdę próbną');
  expect(quote).toMatch(/^…\S/);
  expect(quote).toMatch(/\S…$/);
  const words = new Set(text.split(/\s+/));
  for (const word of quote.replace(/…/g, '').split(' ')) expect(words).toContain(word);
});

test('needed above the number of phrases is met by finding all of them', () => {
  const c = criterion({ evidence: ['jazda próbna', 'oferta'], needed: 5 });
  expect(evaluateOne(c, transcript('C: Jazda próbna i oferta.')).result).toBe('met');
  expect(evaluateOne(c, transcript('C: Jazda próbna.')).result).toBe('partly');
});

// Speed is measured in `npm run bench` (api/bench/calls-bench.ts), never asserted here.
test('evaluates a 60-minute transcript (900 segments, 10 criteria)', () => {
  // Ten criteria of the built-in templates; the dialogue repeated to an hour (4 s per turn).
  const criteria = BUILT_IN_SCORECARDS.flatMap((s) => s.criteria.map((c) => ({ ...c, id: `${s.key.toLowerCase()}-${c.id}` }))).slice(0, 10);
  const segments: RuleSegment[] = Array.from({ length: 900 }, (_, i) => ({
    ...DIALOGUE_PL[i % DIALOGUE_PL.length]!,
    id: id(i + 1),
    startMs: i * 4000,
  }));
  const scorecard = { key: 'HOUR', name: 'Godzina', description: 'Długa rozmowa', criteria };
  const words = segments.reduce((sum, s) => sum + s.text.split(/\s+/).length, 0);
  expect(words).toBeGreaterThan(9000);
  const results = evaluateScorecardRules(scorecard, segments);
  expect(results).toHaveLength(10);
  // The earliest match is quoted, so evidence comes from the first pass of the dialogue.
  for (const r of results) if (r.evidence) expect(r.evidence.atMs).toBeLessThan(DIALOGUE_PL.length * 4000);
});
