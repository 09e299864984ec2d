import { describe, expect, test } from 'vitest';
import { cosineSimilarity, EMBEDDING_DIMENSIONS, embedHashedNgrams } from './hashed-ngram-embedding';

const sim = (a: string, b: string) => cosineSimilarity(embedHashedNgrams(a), embedHashedNgrams(b));

describe('embedHashedNgrams', () => {
  test('384 dimensions, unit length, deterministic', () => {
    const v = embedHashedNgrams('Klient pyta o leasing dla firmy');
    expect(v).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(cosineSimilarity(v, v)).toBeCloseTo(1, 5);
    expect(embedHashedNgrams('Klient pyta o leasing dla firmy')).toEqual(v);
  });

  test('empty or punctuation-only text is the zero vector', () => {
    expect(embedHashedNgrams('').every((x) => x === 0)).toBe(true);
    expect(embedHashedNgrams(' ?! ').every((x) => x === 0)).toBe(true);
  });

  test('diacritics and case do not matter', () => {
    expect(sim('Ładowarka w garażu', 'ladowarka W GARAZU')).toBeCloseTo(1, 5);
  });

  // An inflected form must sit closer to its lemma than an unrelated word of similar length.
  test.each([
    ['leasing', 'leasingiem', 'gwarancja'],
    ['zasięg', 'zasięgu', 'fotelik'],
    ['fotowoltaika', 'fotowoltaiki', 'przyspieszenie'],
    ['bateria', 'baterii', 'kredyt'],
    ['dzieci', 'dzieciom', 'serwis'],
  ])('%s ~ %s is closer than %s', (lemma, inflected, unrelated) => {
    expect(sim(lemma, inflected)).toBeGreaterThan(sim(lemma, unrelated) + 0.3);
  });

  test('sentences on one topic are closer than sentences on different topics', () => {
    const winterRange = 'Boję się, że zimą zasięg spadnie i nie dojadę na trasie do Gdańska';
    const rangeQuestion = 'Jaki jest realny zasięg zimą na trasie?';
    const childSeats = 'Czy z tyłu zmieszczą się trzy foteliki dla dzieci?';
    expect(sim(winterRange, rangeQuestion)).toBeGreaterThan(sim(winterRange, childSeats));
  });
});
