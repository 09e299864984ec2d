import { expect, test } from 'vitest';
import type { Entity, Sentiment } from '../schemas/analysis';
import { SignalLexiconSchema } from '../schemas/knowledge-pack';
import type { SignalId } from '../schemas/vocabulary';
import { detectSignals } from './detect-signals';
import { toWords } from './match-terms';

const LEXICON = SignalLexiconSchema.parse([
  { id: 'buying_intent', terms: [{ term: 'kupi*', strength: 0.5 }, { term: 'zamow*', strength: 0.7 }, { term: 'podpis* umow*', strength: 0.9 }, { term: 'termin* dostaw*', strength: 0.6 }, { term: 'ready to order', strength: 0.8 }] },
  { id: 'test_drive_request', terms: [{ term: 'jazd* probn*', strength: 0.8 }, { term: 'test drive', strength: 0.8 }, { term: 'przejechac sie', strength: 0.6 }] },
  { id: 'free_ride_intent', terms: [{ term: 'na weekend', strength: 0.6 }, { term: 'na wesele', strength: 0.8 }, { term: 'pojezdzic', strength: 0.4 }, { term: 'just to try', strength: 0.6 }] },
  { id: 'just_looking', terms: [{ term: 'tylko oglad*', strength: 0.7 }, { term: 'rozgląda się', strength: 0.6 }, { term: 'just looking', strength: 0.7 }] },
  { id: 'price_objection', terms: [{ term: 'drogo', strength: 0.6 }, { term: 'za drog*', strength: 0.8 }, { term: 'rabat*', strength: 0.5 }, { term: 'taniej', strength: 0.5 }, { term: 'too expensive', strength: 0.8 }, { term: 'discount', strength: 0.5 }] },
  { id: 'technical_doubt', terms: [{ term: 'zasieg*', strength: 0.4 }, { term: 'bateri*', strength: 0.4 }, { term: 'degradac*', strength: 0.6 }, { term: 'zim*', strength: 0.3 }, { term: 'range', strength: 0.4 }] },
  { id: 'decision_maker_absent', terms: [{ term: 'zona decyduje', strength: 0.8 }, { term: 'musi zapytac', strength: 0.6 }, { term: 'wife decides', strength: 0.8 }, { term: 'zarzad', strength: 0.5 }] },
  { id: 'delay', terms: [{ term: 'zastanowi*', strength: 0.6 }, { term: 'odezwie sie', strength: 0.5 }, { term: 'think about it', strength: 0.6 }, { term: 'maybe next year', strength: 0.7 }] },
  { id: 'disengagement', terms: [{ term: 'nie ma czasu', strength: 0.6 }, { term: 'not interested', strength: 0.8 }, { term: 'juz kupil', strength: 0.9 }] },
  { id: 'financing_interest', terms: [{ term: 'leasing*', strength: 0.6 }, { term: 'kredyt*', strength: 0.6 }, { term: 'rat*', strength: 0.5 }, { term: 'finance', strength: 0.6 }] },
  { id: 'home_charging', terms: [{ term: 'wallbox*', strength: 0.8 }, { term: 'fotowoltai*', strength: 0.7 }, { term: 'garaz*', strength: 0.4 }] },
  { id: 'high_value', terms: [{ term: 'flot*', strength: 0.7 }, { term: 'kilka aut', strength: 0.7 }, { term: 'performance', strength: 0.5 }] },
  { id: 'competitor_comparison', terms: [{ term: 'bmw', strength: 0.5 }, { term: 'audi', strength: 0.5 }, { term: 'konkurencj*', strength: 0.6 }] },
  { id: 'budget_stated', terms: [{ term: 'budzet*', strength: 0.6 }, { term: 'tys', strength: 0.4 }, { term: 'budget', strength: 0.6 }] },
  { id: 'trade_in', terms: [{ term: 'w rozliczeni*', strength: 0.8 }, { term: 'odkup*', strength: 0.7 }, { term: 'trade in', strength: 0.8 }] },
]);

const neutral: Sentiment = { score: 0, label: 'neutral' };
const e = (kind: Entity['kind'], value: string, evidence = value): Entity => ({ kind, value, evidence });

test.each<[string, Entity[], Sentiment & { evidence?: string[] }, [SignalId, number, string][]]>([
  ['Chce jazdę próbną w sobotę', [], neutral, [['test_drive_request', 0.8, 'jazdę próbną']]],
  ['Klient nie chce jazdy próbnej, tylko cenę', [], neutral, []],
  ['Not interested in a test drive', [], neutral, [['disengagement', 0.8, 'Not interested']]],
  ['Nigdy nie ma czasu na jazdę próbną', [], neutral, [['disengagement', 0.6, 'nie ma czasu']]],
  ["Doesn't want a test drive, wants a discount", [], neutral, [['price_objection', 0.5, 'discount']]],
  ['Za drogo, drogo!', [], neutral, [['price_objection', 0.8, 'Za drogo']]],
  ['Za drogo, prosi o rabat', [], neutral, [['price_objection', 0.9, 'Za drogo, rabat']]],
  ['Boi się o zasięg zimą i degradację baterii', [], neutral, [['technical_doubt', 0.899, 'zasięg, zimą, degradację, baterii']]],
  ['Musi zapytać żonę, zastanowi się', [], neutral, [['decision_maker_absent', 0.6, 'Musi zapytać'], ['delay', 0.6, 'zastanowi']]],
  ['Chce auto na weekend, na wesele córki', [], neutral, [['free_ride_intent', 0.92, 'na weekend, na wesele']]],
  ['Ma fotowoltaikę i garaż, pyta o wallbox', [], neutral, [['home_charging', 0.964, 'fotowoltaikę, garaż, wallbox']]],
  ['Już kupił u konkurencji', [], neutral, [['disengagement', 0.9, 'Już kupił'], ['competitor_comparison', 0.6, 'konkurencji'], ['buying_intent', 0.5, 'kupił']]],
  ['Gotowy podpisać umowę, pyta o termin dostawy', [], neutral, [['buying_intent', 0.96, 'podpisać umowę, termin dostawy']]],
  ['Budżet do 250 tys. zł', [e('budget', '250 000 zł', 'Budżet do 250 tys. zł')], neutral, [['budget_stated', 0.76, 'Budżet do 250 tys. zł']]],
  ['Wydałby 250 000 zł', [e('budget', '250 000 zł', '250 000 zł')], neutral, [['budget_stated', 0.8, '250 000 zł']]],
  [
    'Jeździ Audi A4, pytał o BMW i konkurencję',
    [e('current_car', 'Audi A4', 'Jeździ Audi A4'), e('competitor', 'BMW', 'pytał o BMW')],
    neutral,
    [['competitor_comparison', 0.8, 'pytał o BMW, konkurencję']],
  ],
  ['Rata 2 500 zł, leasing', [e('budget', '2 500 zł/mies.', 'Rata 2 500 zł')], neutral, [['budget_stated', 0.8, 'Rata 2 500 zł'], ['financing_interest', 0.8, 'Rata 2 500 zł, leasing']]],
  ['na firmę', [e('business_use', 'company', 'na firmę')], neutral, [['business_use', 0.7, 'na firmę']]],
  ['dwoje dzieci, żona', [e('family', 'children:2', 'dwoje dzieci'), e('family', 'spouse', 'żona')], neutral, [['family_needs', 0.6, 'dwoje dzieci']]],
  ['do końca miesiąca', [e('timeline', 'end_of_month', 'do końca miesiąca')], neutral, [['urgency', 0.7, 'do końca miesiąca']]],
  ['jak najszybciej', [e('timeline', 'asap', 'jak najszybciej')], neutral, [['urgency', 0.85, 'jak najszybciej']]],
  ['w marcu', [e('timeline', 'in_march', 'w marcu')], neutral, []],
  ['maybe next year', [e('timeline', 'next_year', 'next year')], neutral, [['delay', 0.7, 'maybe next year']]],
  ['Pytał o BMW i4', [e('competitor', 'BMW i4', 'Pytał o BMW i4')], neutral, [['competitor_comparison', 0.6, 'Pytał o BMW i4']]],
  [
    'Jeździ Audi A4, chce oddać w rozliczeniu',
    [e('current_car', 'Audi A4 (trade-in)', 'Jeździ Audi A4, chce oddać w rozliczeniu')],
    neutral,
    [['trade_in', 0.8, 'Jeździ Audi A4, chce oddać w rozliczeniu']],
  ],
  ['Jeździ Audi A4', [e('current_car', 'Audi A4', 'Jeździ Audi A4')], neutral, []],
  ['Bardzo zadowolony', [], { score: 0.716, label: 'positive', evidence: ['Bardzo zadowolony'] }, [['positive_emotion', 0.716, 'Bardzo zadowolony']]],
  ['Rozczarowany', [], { score: -0.6, label: 'negative', evidence: ['Rozczarowany'] }, [['negative_emotion', 0.6, 'Rozczarowany']]],
  ['Prawie zadowolony', [], { score: 0.1, label: 'neutral' }, []],
  ['', [], neutral, []],
])('%s', (text, entities, sentiment, expected) => {
  const signals = detectSignals(toWords(text), LEXICON, entities, sentiment);
  expect(signals.map((s) => [s.id, s.strength, s.evidence])).toEqual(expected);
});

test('strongest first, ties in vocabulary order; the pack lexicon is compiled once per pack object', () => {
  const words = toWords('Za drogo, ale chce jazdę próbną na weekend');
  const first = detectSignals(words, LEXICON, [], neutral);
  expect(first.map((s) => s.id)).toEqual(['test_drive_request', 'price_objection', 'free_ride_intent']);
  expect(detectSignals(words, LEXICON, [], neutral)).toEqual(first);
});
