import { describe, expect, test } from 'vitest';
import { DIALOGUE_PL } from './scorecards/dialogue-pl.fixture';
import { searchQueryTerms, transcriptSearchTerms } from './transcript-search-terms';

const stemOf = (word: string) => {
  const terms = transcriptSearchTerms(word);
  expect(terms).toHaveLength(1);
  return terms[0]!;
};

describe('forms of one word meet at one stem', () => {
  test.each<[string, string[]]>([
    ['ładowanie', ['ładowania', 'ładowaniu', 'ładowaniem', 'ladowanie', 'ŁADOWANIE']],
    ['samochód', ['samochodu', 'samochodem', 'samochodów', 'samochodami', 'samochod']],
    ['zasięg', ['zasięgu', 'zasiegiem', 'zasiegu']],
    ['jazda', ['jazdy', 'jazdę', 'jazdą', 'jazde']],
    ['rata', ['raty', 'ratach', 'ratą', 'rat']],
    ['Tesla', ['Tesli', 'Teslą', 'Teslę', 'tesla']],
    ['próbna', ['próbną', 'próbnej', 'próbnego', 'probna']],
    ['leasing', ['leasingu', 'leasingiem', 'Leasing']],
    ['Kraków', ['Krakowa', 'Krakowie', 'Krakow']],
    ['informacja', ['informacji', 'informację', 'informacjami']],
    ['energia', ['energii', 'energię']],
    ['kot', ['kota', 'kotem']],
    ['wtorek', ['wtorku', 'wtorkiem']],
    ['rachunek', ['rachunku', 'rachunkiem']],
    ['człowiek', ['człowieka', 'człowiekiem']],
    ['charge', ['charging', 'charges', 'charged']],
    ['battery', ['batteries']],
    ['car', ['cars']],
  ])('%s', (base, forms) => {
    const stem = stemOf(base);
    for (const form of forms) expect([form, stemOf(form)]).toEqual([form, stem]);
  });
});

test.each<[string, string]>([
  ['rata', 'ratunek'],
  ['rata', 'ratusz'],
  ['kot', 'kotwica'],
  ['jazda', 'jeździć'],
  ['zasięg', 'zasiłek'],
  ['ładowanie', 'ładny'],
  ['samochód', 'samolot'],
  ['cena', 'centrum'],
])('%s and %s do not collide', (a, b) => {
  expect(stemOf(a)).not.toBe(stemOf(b));
});

// Documented limits of a suffix stripper (see searchStem): these forms do not meet.
test.each<[string, string]>([
  ['samochód', 'samochodzie'],
  ['budżet', 'budżecie'],
  ['charge', 'charger'],
  ['mąż', 'mężem'],
])('known limit: %s and %s stay apart', (a, b) => {
  expect(stemOf(a)).not.toBe(stemOf(b));
});

test.each<[string, string[]]>([
  ['Nie, to jest za drogo.', ['drog']],
  ['w do na ok', []],
  ['Pani pana panem', []],
  ['Model Y ma 500 km', ['model', '500']],
  ['Ładowanie, ładowania i ładowaniu', ['ladowan']],
  ['', []],
])('%j → %j', (text, terms) => {
  expect(transcriptSearchTerms(text)).toEqual(terms);
});

const DIALOGUE = DIALOGUE_PL.map((segment) => segment.text).join('\n');

test.each<[string, boolean]>([
  ['ladowanie', true],
  ['zasieg samochod', true],
  ['Tesli w Warszawie', true],
  ['jazdy próbnej', true],
  ['raty leasingowe', true], // the adjective meets the noun: "leasingowe" → "leasingow" → "leasing" → "leas"
  ['rabatu', true],
  ['rabaty i kredyt', false],
  ['ratunek', false],
  ['jazda próbna w Krakowie', false],
])('query %j matches the dialogue: %s', (query, matches) => {
  const transcript = new Set(transcriptSearchTerms(DIALOGUE));
  const terms = searchQueryTerms(query);
  expect(terms.length).toBeGreaterThan(0);
  expect(terms.every((term) => transcript.has(term))).toBe(matches);
});
