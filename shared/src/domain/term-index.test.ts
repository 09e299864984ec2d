import { expect, test } from 'vitest';
import { findTerm, toWords } from './match-terms';
import { createTermIndex } from './term-index';

const TERMS = ['leasing*', 'jazd* probn*', 'vat', 'i4', 'na firm*', 'e-tron', 'a*', 'test drive'];
const index = createTermIndex(TERMS.map((term) => ({ term, payload: term })));

test.each<[string, string[]]>([
  ['Chce leasingiem, na firmę, z VAT-em', ['leasing*', 'na firm*', 'vat']],
  ['Jazdę próbną? Tak, jazda próbna w sobotę', ['jazd* probn*', 'jazd* probn*']],
  ['BMW i4 albo Audi Q4 e-tron', ['i4', 'a*', 'a*', 'e-tron']],
  ['Wants a test drive', ['a*', 'test drive']],
  ['Klient ma Passata', []],
  ['', []],
])('%s finds %j', (text, expected) => {
  expect(index.find(toWords(text)).map((hit) => hit.payload)).toEqual(expected);
});

test.each(['Chce leasingiem, na firmę, z VAT-em', 'Jazdę próbną? Tak, jazda próbna', 'BMW i4 albo Audi Q4 e-tron', 'Wants a test drive'])(
  'the first hit of each term is where findTerm puts it: %s',
  (text) => {
    const words = toWords(text);
    const hits = index.find(words);
    for (const term of TERMS) {
      const first = hits.find((hit) => hit.payload === term);
      expect(first ? { start: first.start, end: first.end } : null).toEqual(findTerm(term, words));
    }
  },
);
