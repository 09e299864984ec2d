import { foldForSearch } from '../fold-for-search';

/**
 * What Whisper writes on silence, music or noise: the subtitle credits and video outros of its training data,
 * in Polish and English. Matched on folded text (lower case, no diacritics, punctuation as spaces), anywhere in
 * the utterance. Only phrases nobody says in a sales meeting belong here: "Dziękuję za uwagę" or "Do widzenia"
 * are real speech and must not be listed.
 */
const PHRASES: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bamara org\b/, reason: 'subtitle credit (Amara.org)' },
  { pattern: /\bnapisy (stworzone|stworzyl|stworzyla|wykonane|wykonal|wykonala|przygotowane|przygotowal|przygotowala|zrobione|zrobil|zrobila)\b/, reason: 'subtitle credit' },
  { pattern: /\btlumaczenie i napisy\b|\bzdjecia i montaz\b/, reason: 'subtitle credit' },
  { pattern: /\b(subtitles|captions) by\b/, reason: 'subtitle credit' },
  { pattern: /\btranscribed by\b/, reason: 'subtitle credit' },
  { pattern: /\b(dziekuje|dzieki|dziekujemy) (wam |panstwu |bardzo )?za (obejrzenie|ogladanie)\b/, reason: 'video outro' },
  { pattern: /\b(thank you|thanks) (so much |very much )?for watching\b/, reason: 'video outro' },
  { pattern: /\b(za)?subskrybuj/, reason: 'video outro (subscribe)' },
  { pattern: /\bplease subscribe\b|\bsubscribe to (my|our|the) channel\b|\blike and subscribe\b/, reason: 'video outro (subscribe)' },
  { pattern: /\b(do zobaczenia )?w (nastepnym|kolejnym) (odcinku|filmiku)\b|\bsee you in the next video\b/, reason: 'video outro' },
];

/** Marks in the raw text that only captions have: links, music notes, sound labels. */
const MARKS: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bwww\.|https?:\/\//i, reason: 'a web address' },
  { pattern: /[♪♫♬🎵🎶]/u, reason: 'music notes' },
  { pattern: /[[(*]\s*(muzyka|music|applause|oklaski|brawa|smiech|laughter)\s*[\])*]/, reason: 'a sound label' },
];

/** Whisper rarely runs past this many words a second of real speech; more means it made text up. */
const MAX_WORDS_PER_SECOND = 7;
/** A loop: an n-gram repeated back to back at least this often… */
const MIN_LOOP_REPEATS = 4;
/** …covering this share of the words (a single word: nearly all of them, as "nie, nie, nie, nie, to nie tak" is real). */
const MIN_LOOP_SHARE = 0.5;
const MIN_SINGLE_WORD_LOOP_SHARE = 0.8;
const MAX_LOOP_GRAM = 8;

/**
 * Whether a transcribed utterance is a hallucination of the speech recognizer rather than something said:
 * null when the text is plausible, else a short reason, for the log. Whisper, given silence or noise, tends to
 * write subtitle credits ("Napisy stworzone przez społeczność Amara.org"), video outros ("Dzięki za obejrzenie"),
 * music notes, a word or phrase repeated in a loop, or more words than the audio could hold. `durationMs` is
 * the length of the audio that was transcribed. Case, missing diacritics and punctuation do not matter.
 */
export function hallucinationReason(text: string, context: { durationMs: number }): string | null {
  const folded = foldForSearch(text);
  const words = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const mark = MARKS.find((m) => m.pattern.test(folded));
  if (mark) return mark.reason;
  if (!words) return 'no words';
  const phrase = PHRASES.find((p) => p.pattern.test(words));
  if (phrase) return phrase.reason;
  const tokens = words.split(' ');
  const loop = longestLoop(tokens);
  if (loop) return `"${loop.gram}" repeated ${loop.repeats} times`;
  const seconds = Math.max(0, context.durationMs) / 1000;
  // One word of slack: a lone "tak" may take less than 1/7 s.
  if (tokens.length > MAX_WORDS_PER_SECOND * seconds + 1) return `${tokens.length} words in ${seconds.toFixed(1)} s of audio`;
  return null;
}

/** The n-gram repeated back to back that covers the most words, if it is a loop (see the constants). */
function longestLoop(tokens: string[]): { gram: string; repeats: number } | null {
  let best: { gram: string; repeats: number; share: number } | null = null;
  for (let n = 1; n <= Math.min(MAX_LOOP_GRAM, Math.floor(tokens.length / MIN_LOOP_REPEATS)); n++) {
    for (let i = 0; i + n * MIN_LOOP_REPEATS <= tokens.length; i++) {
      let repeats = 1;
      while (i + (repeats + 1) * n <= tokens.length && sameGram(tokens, i, i + repeats * n, n)) repeats++;
      const share = (repeats * n) / tokens.length;
      const needed = n === 1 ? MIN_SINGLE_WORD_LOOP_SHARE : MIN_LOOP_SHARE;
      if (repeats >= MIN_LOOP_REPEATS && share >= needed && (!best || share > best.share)) {
        best = { gram: tokens.slice(i, i + n).join(' '), repeats, share };
      }
    }
  }
  return best && { gram: best.gram, repeats: best.repeats };
}

function sameGram(tokens: string[], a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (tokens[a + k] !== tokens[b + k]) return false;
  return true;
}
