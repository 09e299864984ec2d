import { expect, test } from 'vitest';
import { ObservationSignalsSchema } from '../schemas/analysis';
import { SignalLexiconSchema } from '../schemas/knowledge-pack';
import type { ModuleId, SignalId } from '../schemas/vocabulary';
import { extractObservationSignals } from './extract-observation-signals';

const PACK = {
  modules: [
    { id: 'company_fleet' as const, keywords: ['firm*', 'leasing*', 'vat', 'flot*', 'jdg', 'company'] },
    { id: 'family' as const, keywords: ['dziec*', 'dzieck*', 'fotelik*', 'kids', 'wife'] },
    { id: 'tco_costs' as const, keywords: ['koszt*', 'drogo', 'expensive', 'cen*'] },
    { id: 'range_winter' as const, keywords: ['zasieg*', 'zim*', 'range'] },
    { id: 'trade_in' as const, keywords: ['w rozliczeni*', 'odkup*', 'trade in'] },
    { id: 'test_drive' as const, keywords: ['jazd* probn*', 'test drive'] },
    { id: 'competition' as const, keywords: ['bmw', 'audi', 'konkurencj*', 'i4'] },
  ],
  signals: SignalLexiconSchema.parse([
    { id: 'test_drive_request', terms: [{ term: 'jazd* probn*', strength: 0.8 }, { term: 'test drive', strength: 0.8 }, { term: 'przejechac sie', strength: 0.6 }] },
    { id: 'price_objection', terms: [{ term: 'drogo', strength: 0.6 }, { term: 'za drog*', strength: 0.8 }, { term: 'too expensive', strength: 0.8 }] },
    { id: 'decision_maker_absent', terms: [{ term: 'zona decyduje', strength: 0.8 }, { term: 'wife decides', strength: 0.8 }, { term: 'musi zapytac', strength: 0.6 }] },
    { id: 'delay', terms: [{ term: 'zastanowi*', strength: 0.6 }, { term: 'maybe next year', strength: 0.7 }, { term: 'think about it', strength: 0.6 }] },
    { id: 'trade_in', terms: [{ term: 'w rozliczeni*', strength: 0.8 }, { term: 'odkup*', strength: 0.7 }, { term: 'trade in', strength: 0.8 }] },
  ]),
};

// Modules name the topics touched, negated or not ("nie chce jazdy próbnej" still concerns test drives); signals do not fire when negated.
test.each<[string, { language: 'pl' | 'en'; modules: ModuleId[]; entities: string[]; label: string; signals: [SignalId, number][] }]>([
  [
    'Klient ma dwoje dzieci, jeździ Audi A4 z 2015, chce oddać w rozliczeniu. Budżet do 250 tys. zł, decyzja do końca miesiąca. Pytał o BMW i4.',
    {
      language: 'pl',
      modules: ['family', 'trade_in', 'competition'],
      entities: ['budget:250 000 zł', 'timeline:end_of_month', 'current_car:Audi A4 (2015, trade-in)', 'competitor:BMW i4', 'family:children:2'],
      label: 'neutral',
      signals: [['budget_stated', 0.8], ['trade_in', 0.8], ['urgency', 0.7], ['competitor_comparison', 0.6], ['family_needs', 0.6]],
    },
  ],
  [
    "Wife decides; they think it's too expensive, maybe next year",
    {
      language: 'en',
      modules: ['family', 'tco_costs'],
      entities: ['timeline:next_year', 'family:spouse'],
      label: 'negative',
      signals: [['price_objection', 0.8], ['decision_maker_absent', 0.8], ['delay', 0.7], ['negative_emotion', 0.572]],
    },
  ],
  [
    'Nie chce jazdy próbnej, za drogo. Zastanowi się.',
    { language: 'pl', modules: ['tco_costs', 'test_drive'], entities: [], label: 'negative', signals: [['price_objection', 0.8], ['delay', 0.6], ['negative_emotion', 0.572]] },
  ],
  [
    'Super, bardzo zadowolony z jazdy próbnej! Na firmę, JDG, leasing.',
    {
      language: 'pl',
      modules: ['company_fleet', 'test_drive'],
      entities: ['business_use:company', 'business_use:sole_trader'],
      label: 'positive',
      signals: [['positive_emotion', 0.922], ['test_drive_request', 0.8], ['business_use', 0.7]],
    },
  ],
  ['', { language: 'pl', modules: [], entities: [], label: 'neutral', signals: [] }],
])('%s', (text, expected) => {
  const result = extractObservationSignals(text, PACK);
  expect(ObservationSignalsSchema.parse(result)).toEqual(result);
  expect({
    language: result.language,
    modules: result.modules.map((m) => m.id),
    entities: result.entities.map((e) => `${e.kind}:${e.value}`),
    label: result.sentiment.label,
    signals: result.signals.map((s) => [s.id, s.strength]),
  }).toEqual(expected);
});

test('a long, messy note stays within the schema limits', () => {
  const note =
    'Klient (Jan Kowalski) ma trójkę dzieci, jeździ Skodą Octavią z 2017, chce ją oddać w rozliczeniu. ' +
    'Pytał o BMW i4, Hyundai Ioniq 5, Kię EV6 i VW ID.4; budżet 200-250k, rata do 3 tys. netto miesięcznie. ';
  const text = note.repeat(20).slice(0, 2000) + ' ' + 'a'.repeat(500);
  const result = extractObservationSignals(text, PACK);
  expect(ObservationSignalsSchema.parse(result)).toEqual(result);
  expect(result.signals.every((s) => s.evidence.length <= 300)).toBe(true);
});
