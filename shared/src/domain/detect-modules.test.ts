import { expect, test } from 'vitest';
import type { ModuleId } from '../schemas/vocabulary';
import { detectModules } from './detect-modules';
import { toWords } from './match-terms';

const MODULES: { id: ModuleId; keywords: string[] }[] = [
  { id: 'company_fleet', keywords: ['firm*', 'leasing*', 'vat', 'flot*', 'jdg', 'company'] },
  { id: 'home_energy', keywords: ['fotowoltai*', 'panel* sloneczn*', 'wallbox*', 'ladowa* w domu', 'garaz*', 'solar*'] },
  { id: 'family', keywords: ['dziec*', 'dzieck*', 'fotelik*', 'bezpieczenst*', 'kids', 'isofix'] },
  { id: 'range_winter', keywords: ['zasieg*', 'zim*', 'tras*', 'ladowark*', 'range', 'winter'] },
  { id: 'financing', keywords: ['kredyt*', 'rat*', 'leasing*', 'doplat*', 'finance'] },
  { id: 'test_drive', keywords: ['jazd* probn*', 'test drive', 'przejazd*'] },
  { id: 'performance', keywords: ['0-100', 'przyspiesz*', 'tor*', 'acceleration'] },
];

test.each<[string, [ModuleId, string[]][]]>([
  ['Klient ma dwoje dzieci, pytał o fotelik', [['family', ['dzieci', 'fotelik']]]],
  ['Leasing na firmę, z VAT-em; leasingiem taniej', [['company_fleet', ['Leasing', 'firmę', 'VAT', 'leasingiem']], ['financing', ['Leasing', 'leasingiem']]]],
  ['Ma fotowoltaikę i garaż, chce wallbox', [['home_energy', ['fotowoltaikę', 'garaż', 'wallbox']]]],
  ['Boi się zasięgu zimą na trasie do Gdańska', [['range_winter', ['zasięgu', 'zimą', 'trasie']]]],
  ['Chce jazdę próbną w sobotę. Jazda próbna!', [['test_drive', ['jazdę próbną', 'Jazda próbna']]]],
  ['Pytał o 0-100 i przyspieszenie', [['performance', ['0-100', 'przyspieszenie']]]],
  ['Wants a test drive; worried about range in winter', [['range_winter', ['range', 'winter']], ['test_drive', ['test drive']]]],
  ['Dzwonił w sprawie przeglądu', []],
  ['', []],
])('%s', (text, expected) => {
  expect(detectModules(toWords(text), MODULES).map((hit) => [hit.id, hit.matched])).toEqual(expected);
});

test('the same pack object is compiled once and gives the same answer again', () => {
  const words = toWords('Kredyt czy leasing?');
  expect(detectModules(words, MODULES)).toEqual(detectModules(words, MODULES));
  expect(detectModules(words, MODULES).map((hit) => hit.id)).toEqual(['company_fleet', 'financing']);
});
