import { describe, expect, test } from 'vitest';
import { matchTerm, toWords } from './match-terms';

describe('toWords', () => {
  test.each<[string, string[], string[]]>([
    ['Jazdę próbną, proszę!', ['jazde', 'probna', 'prosze'], ['Jazdę', 'próbną', 'proszę']],
    ['ID.4 czy 0-100?', ['id', '4', 'czy', '0', '100'], ['ID', '4', 'czy', '0', '100']],
    ['  Łódź\t\nŻÓŁW  ', ['lodz', 'zolw'], ['Łódź', 'ŻÓŁW']],
    ['', [], []],
    [' ,.!? - ', [], []],
  ])('%j → %j', (text, words, original) => {
    const result = toWords(text);
    expect(result.words).toEqual(words);
    expect(result.original).toEqual(original);
  });

  test('decomposed (NFD) letters stay inside their word', () => {
    expect(toWords('Jazdę próbną'.normalize('NFD')).words).toEqual(['jazde', 'probna']);
  });
});

describe('matchTerm', () => {
  test.each<[string, string, string, string | null]>([
    // Polish inflection: a trailing `*` accepts any ending, the bare stem included.
    ['`*` takes the genitive', 'leasing*', 'Chcę auto w leasingu', 'leasingu'],
    ['`*` takes the instrumental', 'leasing*', 'Płacę leasingiem operacyjnym', 'leasingiem'],
    ['`*` takes the bare stem', 'leasing*', 'Leasing, bo firma', 'Leasing'],
    ['`*` does not invent a match', 'leasing*', 'Raczej kredyt albo gotówka', null],
    ['`*` matches dative plural', 'dziec*', 'Dzieciom się spodoba', 'Dzieciom'],
    ['`*` matches across ć', 'dziec*', 'Jeździmy z dziećmi', 'dziećmi'],
    // Diacritics are optional on both sides.
    ['diacritic term, plain text', 'ładowark*', 'Gdzie najbliższa ladowarka?', 'ladowarka'],
    ['plain term, diacritic text', 'ladowark*', 'Przyjechałem z Ładowarką', 'Ładowarką'],
    ['upper-case term', 'ŁADOWARK*', 'Są ładowarki po drodze?', 'ładowarki'],
    ['case-insensitive, original case kept', 'isofix', 'Czy jest ISOFIX z tyłu?', 'ISOFIX'],
    // Without `*` a word must match exactly.
    ['exact word', 'vat', 'Odliczę VAT?', 'VAT'],
    ['exact word not inside a longer one', 'vat', 'Jestem vatowcem', null],
    ['exact stem not a prefix', 'tor', 'Jeżdżę po torze', null],
    ['exact word matched', 'taniej', 'Gdzie indziej jest taniej!', 'taniej'],
    // Several words: consecutive and in order.
    ['multi-word term', 'jazd* probn*', 'Chciałbym umówić jazdę próbną w sobotę', 'jazdę próbną'],
    ['multi-word term, no diacritics, capitals', 'jazd* probn*', 'JAZDA PROBNA', 'JAZDA PROBNA'],
    ['multi-word term, words apart', 'jazd* probn*', 'jazda w ogóle próbna', null],
    ['multi-word term, reversed', 'jazd* probn*', 'próbną jazdę', null],
    ['exact multi-word term', 'za drogo', 'To jest za drogo dla nas', 'za drogo'],
    ['exact multi-word term, word between', 'za drogo', 'To za bardzo drogo', null],
    ['multi-word term longer than the text', 'jazd* probn*', 'jazda', null],
    // Hyphens and dots in terms are word breaks; the client's spelling comes back.
    ['hyphenated term', '0-100', 'Ile robi 0-100?', '0-100'],
    ['hyphenated term, en dash in text', '0-100', 'Przyspieszenie 0–100 km/h', '0–100'],
    ['hyphenated term, spelled out', '0-100', 'od 0 do 100', null],
    ['dotted term', 'ID.4', 'Porównuję z ID.4 od VW', 'ID.4'],
    ['dotted term, lower case with a space', 'ID.4', 'a to id. 4?', 'id. 4'],
    ['dotted term, parts apart', 'ID.4', 'Mam ID i 4 dzieci', null],
    ['first occurrence wins', 'rabat*', 'Rabat? Jaki rabaty dajecie?', 'Rabat'],
    ['decomposed (NFD) text', 'jazd* probn*', 'Umówmy jazdę próbną'.normalize('NFD'), 'jazdę próbną'.normalize('NFD')],
    // Nothing to match in.
    ['empty text', 'fotelik*', '', null],
    ['punctuation only', 'fotelik*', ' ,,, !? ', null],
  ])('%s: %s in %j → %j', (_case, term, text, expected) => {
    expect(matchTerm(term, toWords(text))).toBe(expected);
  });
});
