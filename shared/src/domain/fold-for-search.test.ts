import { expect, test } from 'vitest';
import { foldForSearch } from './fold-for-search';

test.each([
  ['Łukasz Żółć', 'lukasz zolc'],
  ['ŚCIĄGNIĘTY  Ogień', 'sciagniety ogien'],
  ['  Anna\tNowak ', 'anna nowak'],
  ['Grzegorz Brzęczyszczykiewicz', 'grzegorz brzeczyszczykiewicz'],
  ['+48 600 100 200', '+48 600 100 200'],
])('%s → %s', (input, folded) => {
  expect(foldForSearch(input)).toBe(folded);
});
