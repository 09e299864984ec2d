import { expect, test } from 'vitest';
import { CAR_BRANDS, formatModelName, OWN_BRAND } from './car-brands';

test('brand names are unique and the dealer’s own brand is among them', () => {
  const names = CAR_BRANDS.map((b) => b.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toContain(OWN_BRAND);
});

test('every pattern is a folded regular expression without capture groups', () => {
  for (const pattern of CAR_BRANDS.flatMap((brand) => [brand.pattern, ...brand.models.map((m) => m.pattern)])) {
    expect(() => new RegExp(pattern)).not.toThrow();
    expect(pattern).toBe(pattern.toLowerCase());
    expect(pattern).not.toMatch(/[ąćęłńóśźż]/);
    expect(pattern).not.toMatch(/\((?!\?)/); // the combined pattern numbers its own groups
  }
});

test.each([
  ['a4', 'A4'],
  ['ix3', 'iX3'],
  ['i4', 'i4'],
  ['ev6', 'EV6'],
  ['xc40', 'XC40'],
  ['e-208', 'e-208'],
  ['cx-5', 'CX-5'],
  ['q4 e-tron', 'Q4 e-tron'],
  ['320d', '320d'],
])('formatModelName(%s) = %s', (raw, name) => {
  expect(formatModelName(raw)).toBe(name);
});
