import type { Sentiment } from '../schemas/analysis';
import type { Language } from '../schemas/vocabulary';
import { quoteWords, toWords, type Words } from './match-terms';
import { breaksBefore, isNegator } from './negation';
import { SENTIMENT_CONTRASTS, SENTIMENT_LEXICON, SENTIMENT_MODIFIERS } from './sentiment-lexicon';
import { createTermIndex, type TermHit } from './term-index';

/** The mood of the client's words, with the words that carry it, strongest first. */
export type SentimentReading = Sentiment & { evidence: string[] };

type Entry = { valence: number; length: number };
const indexFor = (language: Language) =>
  createTermIndex(
    SENTIMENT_LEXICON.filter(([, , only]) => !only || only === language).map(([term, valence]) => ({
      term,
      payload: { valence, length: term.replace(/\*/g, '').length + (term.endsWith('*') ? 0 : 0.5) },
    })),
  );
const INDEX = { pl: indexFor('pl'), en: indexFor('en') };

/** Pronouns, clitics and copulas: they sit between a negation and its word without using up its reach. */
const TRANSPARENT = new Set(
  `mu jej im mi go ja nam wam ich sie jest byl byla bylo sa byly bedzie to
   it is was be been he she they him her them me i that this a the`.split(/\s+/),
);
const NEGATION_REACH = 3;
const MODIFIER_REACH = 2;
/** How far from 0 a score must be to read as positive or negative rather than neutral. */
export const SENTIMENT_THRESHOLD = 0.15;

/** Negating a positive word makes it nearly as negative; negating a negative one only mildly positive ("nie jest źle"). */
const negate = (v: number) => (v > 0 ? -0.8 * v : -0.4 * v);

/** Per starting word, the hit that covers most words, then the most specific stem ("nie ufam" over "nie"). */
function bestHits(hits: TermHit<Entry>[]): Map<number, TermHit<Entry>> {
  const best = new Map<number, TermHit<Entry>>();
  for (const hit of hits) {
    const current = best.get(hit.start);
    const longer = current && hit.end - hit.start > current.end - current.start;
    const moreSpecific = current && hit.end === current.end && hit.payload.length > current.payload.length;
    if (!current || longer || moreSpecific) {
      best.set(hit.start, hit);
    }
  }
  return best;
}

/**
 * Scores the client's mood in a note or a transcript of the CLIENT side (never the consultant's:
 * EU AI Act art. 5(1)(f)) with an offline Polish/English lexicon: each mood word adds its valence,
 * an intensifier before it ("bardzo", "mega", "really") scales it, a negation up to three words
 * before it ("nie", "nigdy", "not", "n't", English "no") flips a positive word and softens a
 * negative one ("nie jest źle" is mildly positive), "nie" glued to an adjective negates it
 * ("niezadowolony"), and a clause after "ale"/"but" outweighs the one before. The sum is squashed
 * with tanh into −1…1; ±0.15 separates positive and negative from neutral.
 */
export function analyzeSentiment(text: string, language: Language, words: Words = toWords(text)): SentimentReading {
  const index = INDEX[language];
  const best = bestHits(index.find(words));
  const contributions: { value: number; evidence: string }[] = [];
  let total = 0;
  let clause = 0;
  let negation = null as { from: number; reach: number } | null;
  let modifier = null as { factor: number; from: number; reach: number } | null;

  for (let i = 0; i < words.words.length; i++) {
    if (breaksBefore(words, i)) {
      negation = null;
      modifier = null;
    }
    const word = words.words[i]!;
    let hit: { valence: number; end: number; glued: boolean } | null = null;
    const found = best.get(i);
    if (found) hit = { valence: found.payload.valence, end: found.end, glued: false };
    else if (word.startsWith('nie') && word.length >= 7) {
      const rest = bestHits(index.find({ words: [word.slice(3)] })).get(0);
      if (rest && rest.end === 1) hit = { valence: rest.payload.valence, end: i + 1, glued: true };
    }
    if (hit) {
      let value = hit.valence * (modifier?.factor ?? 1);
      if (negation) value = negate(value);
      if (hit.glued) value = negate(value);
      const from = Math.min(negation?.from ?? i, modifier?.from ?? i);
      contributions.push({ value, evidence: quoteWords(words, from, hit.end) });
      clause += value;
      negation = null;
      modifier = null;
      i = hit.end - 1;
      continue;
    }
    if (isNegator(words, i, language === 'en')) {
      negation = { from: negation?.from ?? (word === 't' ? i - 1 : i), reach: NEGATION_REACH };
      continue;
    }
    const factor = SENTIMENT_MODIFIERS[word];
    if (factor !== undefined) {
      // "nie bardzo" = "not really": under a negation an intensifier softens instead.
      const combined = negation ? 0.6 : (modifier?.factor ?? 1) * factor;
      modifier = { factor: combined, from: modifier?.from ?? i, reach: MODIFIER_REACH };
      continue;
    }
    if (SENTIMENT_CONTRASTS.has(word)) {
      total += clause * 0.5;
      clause = 0;
      negation = null;
      modifier = null;
      continue;
    }
    if (TRANSPARENT.has(word)) continue;
    if (negation && --negation.reach <= 0) negation = null;
    if (modifier && --modifier.reach <= 0) modifier = null;
  }
  total += clause;

  const score = Math.round(Math.tanh(total) * 1000) / 1000;
  const label = score >= SENTIMENT_THRESHOLD ? 'positive' : score <= -SENTIMENT_THRESHOLD ? 'negative' : 'neutral';
  const sign = label === 'positive' ? 1 : label === 'negative' ? -1 : 0;
  const evidence = contributions
    .filter((c) => Math.sign(c.value) === sign)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .map((c) => c.evidence)
    .filter((e, i, all) => all.indexOf(e) === i)
    .slice(0, 3);
  return { score: Object.is(score, -0) ? 0 : score, label, evidence };
}
