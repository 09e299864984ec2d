import { expect, test } from 'vitest';
import { extractBusinessUse } from './extract-business-use';

test.each<[string, [value: string, evidence: string][]]>([
  ['klient chce auto na firmę', [['company', 'na firmę']]],
  ['klient chce auto na firme', [['company', 'na firme']]],
  ['Ma JDG, leasing operacyjny, odliczy VAT', [['sole_trader', 'JDG'], ['operating_lease', 'leasing operacyjny'], ['vat', 'odliczy VAT']]],
  ['jednoosobowa działalność gospodarcza', [['sole_trader', 'jednoosobowa działalność']]],
  ['spółka z o.o., samochód firmowy', [['company', 'spółka'], ['company_car', 'samochód firmowy']]],
  ['flota 10 aut', [['fleet', 'flota']]],
  ['wrzuci w koszty, amortyzacja', [['depreciation', 'w koszty']]],
  ['company car for the sales team', [['company_car', 'company car']]],
  ['self-employed, wants to reclaim VAT', [['sole_trader', 'self-employed'], ['vat', 'VAT']]],
  ['Prywatnie, nie na firmę', []],
  ['Not for the company, private use', []],
  ['pracuje w firmie IT', []],
  ['Leasing konsumencki, prywatnie', []],
])('%s', (text, expected) => {
  expect(extractBusinessUse(text).map((e) => [e.value, e.evidence])).toEqual(expected);
});
