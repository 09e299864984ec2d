import { expect, test } from 'vitest';
import { findQuote } from './find-quote';

const TEXT = 'Dzień dobry, Jan Kowalski, salon Elektromobil w Krakowie. Zapraszam na jazdę próbną w sobotę.';

test.each<[string, string, string | null]>([
  ['exact words', 'salon Elektromobil w Krakowie', 'salon Elektromobil w Krakowie'],
  ['capitals, no diacritics, no commas', 'DZIEN DOBRY JAN KOWALSKI', 'Dzień dobry, Jan Kowalski'],
  ['the line prefix copied along', '[0] 00:02 CONSULTANT: Zapraszam na jazdę', 'Zapraszam na jazdę'],
  ['parts joined by an ellipsis, in order', 'Jan Kowalski … jazdę próbną', 'Jan Kowalski, salon Elektromobil w Krakowie. Zapraszam na jazdę próbną'],
  ['parts joined by "..."', 'Dzień dobry... w sobotę', TEXT.slice(0, -1)],
  ['parts out of order', 'jazdę próbną … Jan Kowalski', null],
  ['a word cut in the middle', 'Elektromob', null],
  ['words that were never said', 'umowa podpisana', null],
  ['a paraphrase', 'zaprosił na jazdę testową', null],
  ['only punctuation', '„…”', null],
])('%s', (_name, quote, expected) => {
  expect(findQuote(quote, TEXT)).toBe(expected);
});
