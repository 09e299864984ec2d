import { expect, test } from 'vitest';
import { extractBudget } from './extract-budget';

test.each<[string, [value: string, evidence: string][]]>([
  ['Budżet do 250 tys. zł, decyzja szybko', [['250 000 zł', 'Budżet do 250 tys. zł']]],
  ['Ma do 250 tysięcy', [['250 000 zł', 'do 250 tysięcy']]],
  ['budżet 200-250k', [['200 000–250 000 zł', 'budżet 200-250k']]],
  ['od 200 do 250 tys. zł', [['200 000–250 000 zł', 'od 200 do 250 tys. zł']]],
  ['ok. 180 000 zł gotówką', [['180 000 zł', 'ok. 180 000 zł']]],
  ['rata 2 500 zł miesięcznie', [['2 500 zł/mies.', 'rata 2 500 zł miesięcznie']]],
  ['3k netto miesięcznie', [['3 000 zł/mies. netto', '3k netto miesięcznie']]],
  ['rata do 3 tys. zł netto', [['3 000 zł/mies. netto', 'rata do 3 tys. zł netto']]],
  ['1,2 mln zł na flotę', [['1 200 000 zł', '1,2 mln zł']]],
  ['Budżet: 250000', [['250 000 zł', 'Budżet: 250000']]],
  ['budżet 200, nie więcej', [['200 000 zł', 'budżet 200']]],
  ['$50k max', [['50 000 USD', '$50k']]],
  ['budget of 60,000 euro', [['60 000 EUR', 'budget of 60,000 euro']]],
  ['around 200k PLN', [['200 000 zł', 'around 200k PLN']]],
  ['between 50 and 60k', [['50 000–60 000 zł', 'between 50 and 60k']]],
  ['$600 a month at most', [['600 USD/mies.', '$600 a month']]],
  ['auta 2 i 300 tys. zł budżetu', [['300 000 zł', '300 tys. zł']]],
  // Not money, or not the client's money.
  ['Model 3 z 2015', []],
  ['zasięg 500 km', []],
  ['0-100 w 3,5 s', []],
  ['przebieg 150 tys. km', []],
  ['leasing 36 miesięcy, wpłata 10%', []],
  ['rata przez 24 mies.', []],
  ['dopłata 18 750 zł z programu', []],
  ['BMW i4 kosztuje 280 tys. zł', []],
  ['Paliwo kosztuje go 1500 zł miesięcznie', []],
  ['Tel. 600 100 200', []],
  ['ID.4 i e-208', []],
])('%s', (text, expected) => {
  expect(extractBudget(text).map((e) => [e.value, e.evidence])).toEqual(expected);
});
