import { expect, test } from 'vitest';
import { toWords } from './match-terms';
import { isNegatedAt } from './negation';

/** The phrase under test is marked with «»: is it negated? */
test.each<[string, boolean]>([
  ['Klient nie chce «jazdy» próbnej', true],
  ['Klient chce «jazdy» próbnej', false],
  ['Not interested in a «test» drive', true],
  ["Doesn't want a «test» drive", true],
  ['No «test» drive, just the price', true],
  ['No dobra, chce «jazdę» próbną', false],
  ['Nie, ale chce «jazdę» próbną', false],
  ['Nigdy nie jeździł «elektrykiem»', true],
  ['Nie tylko «cena», też zasięg', false],
  ['Nie mówił nic o tym, a potem chce «leasing»', false],
  ['Chce jazdę bez «kierowcy»', true],
  ['Without a «test» drive', true],
  ['Bez problemu przyjedzie na «jazdę» próbną', false],
  ['Nie ma dzieci ale chce «jazdę» próbną', false],
  ['Nie chciał rozmawiać o cenie i «rabacie»', false],
])('%s → negated %s', (marked, negated) => {
  const before = marked.slice(0, marked.indexOf('«'));
  const words = toWords(marked.replace(/[«»]/g, ''));
  const start = toWords(before).words.length;
  expect(isNegatedAt(words, start)).toBe(negated);
});
