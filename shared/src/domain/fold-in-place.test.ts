import { expect, test } from 'vitest';
import { foldInPlace } from './fold-in-place';

test.each([
  ['Budżet do 250 tys. zł', 'budzet do 250 tys. zl'],
  ['Jeździ Audi A4 z 2015', 'jezdzi audi a4 z 2015'],
  ['ŻÓŁW  Łódź', 'zolw  lodz'],
  ['Straße', 'straße'],
  ['€50k, $60k', '€50k, $60k'],
  ['', ''],
])('%s → %s', (input, folded) => {
  expect(foldInPlace(input)).toBe(folded);
  expect(foldInPlace(input)).toHaveLength(input.length);
});
