import { expect, test } from 'vitest';
import { TermSchema } from '../schemas/knowledge-pack';
import { foldForSearch } from './fold-for-search';
import { SENTIMENT_CONTRASTS, SENTIMENT_LEXICON, SENTIMENT_MODIFIERS } from './sentiment-lexicon';

test('the lexicon is large enough for transcripts and lists each term once', () => {
  expect(SENTIMENT_LEXICON.length).toBeGreaterThanOrEqual(150);
  const folded = SENTIMENT_LEXICON.map(([term]) => foldForSearch(term));
  expect(new Set(folded).size).toBe(folded.length);
});

test('every entry is a valid pack term with a valence in −1…1', () => {
  for (const [term, valence] of SENTIMENT_LEXICON) {
    expect(TermSchema.safeParse(term).success, term).toBe(true);
    expect(Math.abs(valence), term).toBeGreaterThan(0);
    expect(Math.abs(valence), term).toBeLessThanOrEqual(1);
  }
});

test('modifiers and contrasts are folded words, as the analyser compares them', () => {
  for (const word of [...Object.keys(SENTIMENT_MODIFIERS), ...SENTIMENT_CONTRASTS]) expect(foldForSearch(word)).toBe(word);
  for (const factor of Object.values(SENTIMENT_MODIFIERS)) expect(factor).toBeGreaterThan(0);
});
