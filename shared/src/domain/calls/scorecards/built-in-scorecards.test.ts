import { describe, expect, test } from 'vitest';
import { type CriterionResult, ScorecardInputSchema, type Speaker } from '../../../schemas/call';
import { detectLanguage } from '../../detect-language';
import { evaluateScorecardRules, type RuleSegment } from '../evaluate-scorecard-rules';
import { scoreCall } from '../score-call';
import { BUILT_IN_SCORECARDS, COLLECTIONS_SCORECARD, RETENTION_SCORECARD, SALES_SCORECARD, SERVICE_SCORECARD } from './built-in-scorecards';
import { DIALOGUE_PL } from './dialogue-pl.fixture';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const segment = (text: string, speaker: Speaker = 'CONSULTANT', n = 1): RuleSegment => ({ id: id(n), speaker, startMs: n * 1000, text });
/** Turns written as "C: …" (consultant) or "K: …" (client). */
const transcript = (turns: string[]) =>
  turns.map((turn, i) => segment(turn.slice(3), turn.startsWith('C:') ? 'CONSULTANT' : 'CLIENT', i + 1));
const results = (evaluations: { criterionId: string; result: CriterionResult }[]) =>
  Object.fromEntries(evaluations.map((e) => [e.criterionId, e.result]));

test('the four templates are SALES, SERVICE, RETENTION and COLLECTIONS', () => {
  expect(BUILT_IN_SCORECARDS.map((s) => s.key)).toEqual(['SALES', 'SERVICE', 'RETENTION', 'COLLECTIONS']);
});

describe.each(BUILT_IN_SCORECARDS.map((s) => [s.key, s] as const))('%s', (_key, scorecard) => {
  test('is a valid, complete scorecard as written', () => {
    expect(ScorecardInputSchema.parse(scorecard)).toEqual(scorecard);
  });

  test('has 6–10 criteria whose weights sum to 100', () => {
    expect(scorecard.criteria.length).toBeGreaterThanOrEqual(6);
    expect(scorecard.criteria.length).toBeLessThanOrEqual(10);
    expect(scorecard.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  test('lists Polish evidence and a few English phrases', () => {
    const languages = scorecard.criteria.flatMap((c) => c.evidence.map((phrase) => detectLanguage(phrase)));
    expect(languages.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(3);
    expect(languages.filter((l) => l === 'pl').length).toBeGreaterThan(languages.length * 0.7);
  });

  test.each(scorecard.criteria.map((c) => [c.id, c] as const))('%s: every phrase finds itself', (_id, c) => {
    for (const phrase of c.evidence) {
      const [evaluation] = evaluateScorecardRules(
        { ...scorecard, criteria: [{ ...c, evidence: [phrase], needed: 1 }] },
        [segment(phrase.replace(/\*/g, ''), c.side)],
      );
      expect([phrase, evaluation!.result]).toEqual([phrase, c.forbidden ? 'not_met' : 'met']);
    }
  });

  // One mention must not count twice towards `needed`: no phrase of such a criterion is found inside another.
  test.each(scorecard.criteria.filter((c) => c.needed > 1).map((c) => [c.id, c] as const))('%s: phrases do not overlap', (_id, c) => {
    for (const phrase of c.evidence) {
      const others = c.evidence.filter((other) => other !== phrase);
      const [evaluation] = evaluateScorecardRules(
        { ...scorecard, criteria: [{ ...c, evidence: others, needed: 1 }] },
        [segment(phrase.replace(/\*/g, ''), c.side)],
      );
      expect([phrase, evaluation!.result]).toEqual([phrase, 'not_met']);
    }
  });
});

test('SALES on the synthetic Polish dialogue', () => {
  const evaluations = evaluateScorecardRules(SALES_SCORECARD, DIALOGUE_PL);
  expect(results(evaluations)).toEqual({
    greeting: 'met', // "Dzień dobry, tu Marek z salonu Tesla"
    'needs-analysis': 'partly', // one qualifying question: "Co jest dla pani najważniejsze"
    'tailored-presentation': 'met', // "Rozumiem", "zasięgu", "ładowanie w domu"
    'objection-handling': 'met', // "Możemy przygotować leasing z niską ratą i dopłatą"
    'next-step': 'met', // "przesłać ofertę", "jazdę próbną"
    'summary-and-date': 'met', // "w czwartek o siedemnastej"
    'polite-closing': 'not_met', // only the client says "Dziękuję, do widzenia"
  });
  expect(evaluations.find((e) => e.criterionId === 'summary-and-date')!.evidence).toEqual({
    quote: 'Zapraszam też na jazdę próbną w czwartek o siedemnastej.',
    atMs: 59175,
    segmentId: DIALOGUE_PL[8]!.id,
  });
  const score = scoreCall({ ...SALES_SCORECARD, version: 1 }, evaluations, {});
  expect([score.total, score.autoFailed]).toEqual([80, false]);
});

test.each<[string, typeof SALES_SCORECARD, string[], Record<string, CriterionResult>, number, boolean]>([
  [
    'SERVICE: a fault reported and a visit booked',
    SERVICE_SCORECARD,
    [
      'C: Dzień dobry, serwis Elektro Auto, nazywam się Piotr. W czym mogę pomóc?',
      'K: Dzień dobry, w moim Enyaqu świeci się kontrolka ładowania.',
      'C: Poproszę numer rejestracyjny i przebieg. Od kiedy kontrolka się świeci i jaki komunikat pokazuje?',
      'K: WX 12345, czterdzieści tysięcy kilometrów. Od wczoraj, komunikat o błędzie ładowarki.',
      'C: Niestety nie mamy wolnego terminu jutro. Zapraszam do serwisu w piątek o dziewiątej.',
      'C: Diagnostyka jest w ramach gwarancji, więc bezpłatnie. Wyślemy SMS z potwierdzeniem. Dziękuję, do widzenia.',
    ],
    {
      greeting: 'met',
      'customer-vehicle-verification': 'met',
      'problem-diagnosis': 'met',
      appointment: 'met',
      'cost-information': 'met',
      mobility: 'not_met',
      confirmation: 'met',
      'polite-closing': 'met',
    },
    90,
    false,
  ],
  [
    'RETENTION: a client kept with an offer',
    RETENTION_SCORECARD,
    [
      'C: Dzień dobry, nazywam się Ewa, dzwonię z firmy Volt Leasing.',
      'K: Chcę zrezygnować z pakietu serwisowego.',
      'C: Rozumiem. Z jakiego powodu chce pan zrezygnować?',
      'K: Jest za drogi, konkurencja ma taniej.',
      'C: Mogę zaproponować rabat piętnaście procent na kolejny rok.',
      'K: Dobrze, w takim razie zostaję.',
    ],
    {
      greeting: 'met',
      'cancellation-reason': 'met',
      empathy: 'met',
      'retention-offer': 'met',
      'benefits-reminder': 'not_met',
      'client-stays': 'met',
      'polite-closing': 'not_met',
    },
    80,
    false,
  ],
  [
    'RETENTION: the client leaves',
    RETENTION_SCORECARD,
    ['C: Dzień dobry, z tej strony Ewa.', 'K: Rezygnuję, nie zgadzam się na nowe warunki.', 'C: Przykro mi. Dziękuję, do widzenia.'],
    {
      greeting: 'met',
      'cancellation-reason': 'not_met',
      empathy: 'met',
      'retention-offer': 'not_met',
      'benefits-reminder': 'not_met',
      'client-stays': 'not_met',
      'polite-closing': 'met',
    },
    30,
    false,
  ],
  [
    'COLLECTIONS: by the book',
    COLLECTIONS_SCORECARD,
    [
      'C: Dzień dobry, rozmowa jest nagrywana, a administratorem danych jest Volt Finanse zgodnie z RODO.',
      'C: Czy może pan podać datę urodzenia, żebym mógł potwierdzić tożsamość?',
      'K: Piąty maja osiemdziesiątego.',
      'C: Dziękuję. Zaległa rata wynosi tysiąc dwieście złotych, termin płatności minął dziesiątego.',
      'K: Nie mam teraz tyle.',
      'C: Możemy rozłożyć na raty: sześćset złotych w piątek i sześćset za dwa tygodnie. Potwierdzenie wyślemy SMS. Do widzenia.',
    ],
    {
      'recording-gdpr': 'met',
      'identity-verification': 'met',
      'amount-and-due-date': 'met',
      'repayment-plan': 'met',
      'no-threats': 'met',
      confirmation: 'met',
      'polite-closing': 'met',
    },
    100,
    false,
  ],
  [
    'COLLECTIONS: a threat fails the call',
    COLLECTIONS_SCORECARD,
    [
      'C: Rozmowa jest nagrywana. Proszę podać datę urodzenia.',
      'C: Zaległość to tysiąc złotych. Jak pan nie zapłaci do piątku, to powiemy pracodawcy.',
    ],
    {
      'recording-gdpr': 'partly',
      'identity-verification': 'met',
      'amount-and-due-date': 'met',
      'repayment-plan': 'not_met',
      'no-threats': 'not_met',
      confirmation: 'not_met',
      'polite-closing': 'not_met',
    },
    0,
    true,
  ],
  [
    'COLLECTIONS: the debt named without verifying identity',
    COLLECTIONS_SCORECARD,
    ['C: Dzwonię w sprawie zaległej raty, kwota do zapłaty to tysiąc złotych. Kiedy może pan zapłacić?'],
    {
      'recording-gdpr': 'not_met',
      'identity-verification': 'not_met',
      'amount-and-due-date': 'met',
      'repayment-plan': 'met',
      'no-threats': 'met',
      confirmation: 'not_met',
      'polite-closing': 'not_met',
    },
    0,
    true,
  ],
])('%s', (_name, scorecard, turns, expected, total, autoFailed) => {
  const evaluations = evaluateScorecardRules(scorecard, transcript(turns));
  expect(results(evaluations)).toEqual(expected);
  const score = scoreCall({ ...scorecard, version: 1 }, evaluations, {});
  expect([score.total, score.autoFailed]).toEqual([total, autoFailed]);
});
