import type { Emotion } from '../../schemas/call';
import type { Language } from '../../schemas/vocabulary';
import { analyzeSentiment, SENTIMENT_THRESHOLD } from '../client-sentiment';
import { detectLanguage } from '../detect-language';
import { quoteWords, toWords, type Words } from '../match-terms';
import { createTermIndex } from '../term-index';
import { EMOTION_CUES, NOT_PRODUCT_QUESTION, PRODUCT_QUESTION_OPENERS, type CueEmotion, type EmotionCue } from './emotion-cues';
import { openingWord, splitSentences, type Sentence } from './split-sentences';

/** The client's mood in one transcript segment: −1…1, a coarse emotion, and the words behind both. */
export type SegmentSentiment = { score: number; emotion: Emotion; evidence: string[] };

const CUES = createTermIndex(EMOTION_CUES.map((cue) => ({ term: cue.term, payload: cue })));

/**
 * A question carries half the mood of a statement: "Czy jest jakiś problem z ładowaniem?" asks, it
 * does not complain. "?!" is no question in this sense ("Dlaczego to takie drogie?!").
 */
const QUESTION_WEIGHT = 0.5;
/** Above this a line reads as satisfied: clearly positive, not a polite "ok". */
const SATISFIED_FROM = 0.3;
/** Below this a negative line with no cue reads as frustrated ("Za drogo."), below the next as angry. */
const FRUSTRATED_BELOW = -0.4;
const ANGRY_BELOW = -0.8;
/** A hesitant or interested cue decides the emotion unless the line is more negative than this. */
const CUE_HOLDS_ABOVE = -0.4;

type Cues = Partial<Record<CueEmotion, string>>;

/** The first quote per cue emotion, sentence by sentence (guards see only their sentence). */
function findCues(sentences: { sentence: Sentence; words: Words }[]): Cues {
  const found: Cues = {};
  for (const { sentence, words } of sentences) {
    for (const hit of CUES.find(words)) {
      const cue: EmotionCue = hit.payload;
      if (found[cue.emotion] || (cue.guard && !cue.guard(words, hit.start, hit.end, sentence))) continue;
      found[cue.emotion] = quoteWords(words, hit.start, hit.end);
    }
    const opener = openingWord(words);
    const asksAboutOffer =
      sentence.question &&
      words.words.length >= 3 &&
      PRODUCT_QUESTION_OPENERS.has(words.words[opener] ?? '') &&
      !NOT_PRODUCT_QUESTION.test(words.words.join(' '));
    if (asksAboutOffer && !found.interested) found.interested = sentence.text;
  }
  return found;
}

/** The analyser's reading, with questions weighted down; the plain analyser when nothing is asked. */
function readScore(text: string, sentences: Sentence[], language: Language): { score: number; evidence: string[] } {
  const asks = (s: Sentence) => s.question && !s.exclaimed;
  if (!sentences.some(asks)) return analyzeSentiment(text, language);
  const parts = sentences.map((s) => {
    const reading = analyzeSentiment(s.text, language);
    // Back from tanh to the analyser's sum, so sentences add up as words do within one.
    return { reading, strength: Math.atanh(Math.max(-0.999, Math.min(0.999, reading.score))) * (asks(s) ? QUESTION_WEIGHT : 1) };
  });
  const score = Math.round(Math.tanh(parts.reduce((sum, p) => sum + p.strength, 0)) * 1000) / 1000;
  const sign = score >= SENTIMENT_THRESHOLD ? 1 : score <= -SENTIMENT_THRESHOLD ? -1 : 0;
  const evidence = parts
    .filter((p) => sign !== 0 && Math.sign(p.strength) === sign)
    .sort((a, b) => Math.abs(b.strength) - Math.abs(a.strength))
    .flatMap((p) => p.reading.evidence);
  return { score, evidence };
}

function emotionOf(score: number, cues: Cues): { emotion: Emotion; cue?: string } {
  if (cues.angry && score < SENTIMENT_THRESHOLD) return { emotion: 'angry', cue: cues.angry };
  if (cues.frustrated && score < SENTIMENT_THRESHOLD) return { emotion: 'frustrated', cue: cues.frustrated };
  if (score <= ANGRY_BELOW) return { emotion: 'angry' };
  if (cues.hesitant && score > CUE_HOLDS_ABOVE) return { emotion: 'hesitant', cue: cues.hesitant };
  if (cues.interested && score > CUE_HOLDS_ABOVE) return { emotion: 'interested', cue: cues.interested };
  if (score <= FRUSTRATED_BELOW) return { emotion: 'frustrated' };
  if (score >= SATISFIED_FROM) return { emotion: 'satisfied' };
  return { emotion: 'neutral' };
}

/**
 * The CLIENT's sentiment in one call segment (never the consultant's: EU AI Act art. 5(1)(f)).
 * The score is the offline analyser's (`analyzeSentiment`: lexicon, negation, inflection), with a
 * question counting half ("Czy jest jakiś problem?" asks rather than complains) and praise halved
 * when the client hesitates in the same line ("Super, ale muszę się zastanowić"). The emotion is a
 * coarse rule over the score and cue phrases, strongest first: angry (insults, "skandal",
 * "oszustwo", or a score at or below −0.8), frustrated ("znowu", "ile można", "denerwuje"),
 * hesitant ("nie wiem", "muszę się zastanowić", "może"), interested (a question about the offer:
 * "ile kosztuje", "jaki zasięg", "kiedy…?"), then frustrated for a plainly negative line, satisfied
 * for a clearly positive one (≥ 0.3), else neutral. Angry and frustrated cues count only when the
 * line is not positive, so "to nie jest oszustwo, prawda?" stays calm. Evidence: the cue that
 * decided the emotion, then the mood words, at most three.
 */
export function segmentSentiment(text: string, language: Language = detectLanguage(text)): SegmentSentiment {
  const sentences = splitSentences(text);
  const read = readScore(text, sentences, language);
  const cues = findCues(sentences.map((sentence) => ({ sentence, words: toWords(sentence.text) })));
  let score = read.score;
  if (cues.hesitant && score > 0) score = Math.round(score * 500) / 1000;
  const { emotion, cue } = emotionOf(score, cues);
  const evidence = [...(cue ? [cue] : []), ...read.evidence].filter((e, i, all) => all.indexOf(e) === i).slice(0, 3);
  return { score: Object.is(score, -0) ? 0 : score, emotion, evidence };
}
