import { expect, test } from 'vitest';
import type { Language } from '../schemas/vocabulary';
import { detectLanguage } from './detect-language';

test.each<[string, Language]>([
  ['Klient ma dwoje dzieci, jeździ Audi A4 z 2015, chce oddać w rozliczeniu.', 'pl'],
  ['klient chce auto na firme', 'pl'],
  ['budzet do 250 tys zl, decyzja do konca miesiaca', 'pl'],
  ["Wife decides; they think it's too expensive, maybe next year", 'en'],
  ['Client wants a test drive this weekend', 'en'],
  ['Mr Wiśniewski from Kraków wants the car for his company', 'en'],
  ['Pani Żaneta asked about the price of the Model Y', 'en'],
  ['Klient pytał o test drive i o FSD', 'pl'],
  ['Super, klient jest happy, chce leasing', 'pl'],
  ['He said: "jazda próbna" is what he wants, not the price', 'en'],
  ['BMW i4 vs Model 3', 'pl'],
  ['', 'pl'],
  ['OK', 'pl'],
  ['Zasięg w zimie? Ładowarki na trasie?', 'pl'],
  ['Range in winter and charging on the motorway worry him', 'en'],
])('%s → %s', (text, language) => {
  expect(detectLanguage(text)).toBe(language);
});
