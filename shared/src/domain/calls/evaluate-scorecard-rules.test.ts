import { expect, test } from 'vitest';
import { CriterionEvaluationSchema, type CriterionResult, type ScorecardCriterion, type Speaker } from '../../schemas/call';
import { evaluateScorecardRules, type RuleSegment } from './evaluate-scorecard-rules';
import { BUILT_IN_SCORECARDS, SALES_SCORECARD } from './scorecards/built-in-scorecards';
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
  ['two distinct phrases are met', TWO_OF, ['C: Jaki ma pani budżet?', 'C: Jazda próbna w czwartek?'], 'met', 'Jazda próbna w czwartek?'],
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

// The evidence is the sentence with the most distinct phrases found, the earliest on a tie; a sentence under
// 25 characters takes the next one of its segment along when that one holds a phrase or continues the thought.
test.each<[string, ScorecardCriterion, string[], string]>([
  ['more phrases beat an earlier sentence', TWO_OF, ['C: Jaki ma pani budżet? Pytam, bo to ważne.', 'C: Jazda próbna w czwartek, pasuje?'], 'Jazda próbna w czwartek, pasuje?'],
  ['a phrase found before counts again where the sentence holds more', TWO_OF, ['C: Jazda próbna jest bezpłatna.', 'C: Mamy budżet na jazdę próbną w czwartek.'], 'Mamy budżet na jazdę próbną w czwartek.'],
  ['a tie across segments picks the earliest', TWO_OF, ['C: Jaki ma pani budżet na auto?', 'C: Zapraszam na jazdę próbną.'], 'Jaki ma pani budżet na auto?'],
  ['a tie in one segment picks the earliest', TWO_OF, ['C: Zapraszam w czwartek do salonu. Jaki ma pani budżet?'], 'Zapraszam w czwartek do salonu.'],
  ['a negated phrase does not count towards the sentence', TWO_OF, ['C: Jaki ma pani budżet na auto?', 'C: W czwartek nie będzie jazdy próbnej.'], 'Jaki ma pani budżet na auto?'],
  ['a short sentence takes the next one holding a phrase', TWO_OF, ['C: Jazda próbna? W czwartek o siedemnastej, jeśli pani może.'], 'Jazda próbna? W czwartek o siedemnastej, jeśli pani może.'],
  ['a short sentence that trails off takes the next', TEST_DRIVE, ['C: Jazda próbna… Tak najlepiej pozna pani auto.'], 'Jazda próbna… Tak najlepiej pozna pani auto.'],
  ['a short sentence takes a next one opening mid-thought', TEST_DRIVE, ['C: Jazda próbna. bo tak najlepiej pozna pani auto.'], 'Jazda próbna. bo tak najlepiej pozna pani auto.'],
  ['a short sentence takes a next one opening with "bo"', TEST_DRIVE, ['C: Polecam jazdę próbną. Bo warto poczuć przyspieszenie.'], 'Polecam jazdę próbną. Bo warto poczuć przyspieszenie.'],
  ['a short sentence stands alone before an unrelated one', TEST_DRIVE, ['C: Jazda próbna. Poproszę numer telefonu.'], 'Jazda próbna.'],
  ['a short sentence does not reach into the next segment', TEST_DRIVE, ['C: Jazda próbna.', 'C: bo tak najlepiej pozna pani auto.'], 'Jazda próbna.'],
  ['a sentence of 25 characters or more stands alone', TEST_DRIVE, ['C: Zapraszam na jazdę próbną. Bo warto.'], 'Zapraszam na jazdę próbną.'],
  ['forbidden: the first sentence with a phrase, not the one with most', NO_THREATS, ['C: Pan jest oszust.', 'C: Oszust, przyjedziemy do pana.'], 'Pan jest oszust.'],
])('evidence: %s', (_name, c, turns, quote) => {
  expect(evaluateOne(c, transcript(...turns)).evidence?.quote).toBe(quote);
});

test('the evidence keeps its segment and start; the rationale lists every phrase found, in the order first said', () => {
  const segments = transcript('C: Dzień dobry.', 'C: Jaki budżet pani zakłada? Pytam, bo to ważne.', 'C: Jazda próbna w czwartek.');
  const evaluation = evaluateOne(TWO_OF, [segments[2]!, segments[0]!, segments[1]!]);
  expect(evaluation.result).toBe('met');
  expect(evaluation.evidence).toEqual({ quote: 'Jazda próbna w czwartek.', atMs: 10000, segmentId: id(3) });
  expect(evaluation.rationale).toBe('Znalezione zwroty (3 z 2 wymaganych): „budże*”, „jazda próbna”, „w czwartek”.');
});

// On the project's synthetic call: the presentation is shown by the sentence naming the range and home charging, not by "Rozumiem.".
test.each<[string, number, string]>([
  ['tailored-presentation', 4, 'Model Y Long Range ma ponad pięćset kilometrów zasięgu, a ładowanie w domu kosztuje około piętnastu złotych na sto kilometrów.'],
  ['needs-analysis', 2, 'Co jest dla pani najważniejsze przy wyborze samochodu?'],
  ['objection-handling', 6, 'Możemy przygotować leasing z niską ratą i dopłatą z programu Mój Elektryk.'],
  ['next-step', 6, 'Czy mogę przesłać ofertę mailem?'], // one phrase each here and in "Zapraszam też na jazdę próbną…": the earliest
])('SALES on the fixture dialogue: %s quotes segment %i', (criterionId, segment, quote) => {
  const evaluation = evaluateScorecardRules(SALES_SCORECARD, DIALOGUE_PL).find((e) => e.criterionId === criterionId)!;
  expect(evaluation.evidence).toEqual({ quote, atMs: DIALOGUE_PL[segment]!.startMs, segmentId: DIALOGUE_PL[segment]!.id });
});

test('a long sentence with several phrases is cut around all of them when they fit', () => {
  const filler = 'bardzo długie zdanie bez kropki które ciągnie się i ciągnie';
  const text = `${filler} ${filler} ${filler} budżet ustalimy ${filler} ${filler} a jazda próbna w czwartek ${filler} ${filler} ${filler}.`;
  const quote = evaluateOne(TWO_OF, [{ id: id(1), speaker: 'CONSULTANT', startMs: 0, text }]).evidence!.quote;
  expect(quote.length).toBeLessThanOrEqual(300);
  expect(quote).toMatch(/budżet ustalimy.*jazda próbna w czwartek/);
  expect(quote).toMatch(/^…\S.*\S…$/);
  // Too far apart for one quote: the cut centres on the first.
  const far = `${filler} budżet ustalimy ${Array(6).fill(filler).join(' ')} a jazda próbna w czwartek ${filler}.`;
  const first = evaluateOne(TWO_OF, [{ id: id(1), speaker: 'CONSULTANT', startMs: 0, text: far }]).evidence!.quote;
  expect([first.length <= 300, first.includes('budżet ustalimy'), first.includes('jazda próbna')]).toEqual([true, true, false]);
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
  // The dialogue repeats, and a tie picks the earliest sentence, so evidence comes from its first pass.
  for (const r of results) if (r.evidence) expect(r.evidence.atMs).toBeLessThan(DIALOGUE_PL.length * 4000);
});
