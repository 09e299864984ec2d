import { toWords, type Words } from '../match-terms';

/** One sentence of a transcript segment; `question`/`exclaimed` when its closing punctuation holds a "?"/"!". */
export type Sentence = { text: string; question: boolean; exclaimed: boolean };

// A terminator counts only before whitespace or the end, so "ID.4" and "3.5 kW" stay whole.
const BOUNDARY = /(?<=[.!?…]["'»”)\]]*)\s+|\n+/u;
const TRAILING_CLOSERS = /["'»”)\]]+$/u;

/** Splits a segment's text into sentences (ASR output is punctuated, but a segment may hold several). */
export function splitSentences(text: string): Sentence[] {
  return text
    .split(BOUNDARY)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part))
    .map((part) => {
      const end = /[?!.…]*$/u.exec(part.replace(TRAILING_CLOSERS, ''))![0];
      return { text: part, question: end.includes('?'), exclaimed: end.includes('!') };
    });
}

/** Words that only open the turn ("A jaki…", "No to kiedy…", "So how…"), skipped before the question word. */
const FILLERS = new Set('a i no to ale ok okej dobrze yyy eee hmm mhm aha so and well okay um uh oh right'.split(' '));

/** Index of the first word after the fillers that open a turn (the last word if all are fillers). */
export function openingWord(words: Words): number {
  let start = 0;
  while (start < words.words.length - 1 && FILLERS.has(words.words[start]!)) start++;
  return start;
}

/** Folded Polish and English question words that open a question even without a "?". */
const QUESTION_WORDS = new Set(
  (
    'czy jak jaki jaka jakie jakiego jakiej jakim jakimi jakich ile ilu kiedy co czego czemu czym dlaczego gdzie ' +
    'skad dokad ktory ktora ktore ktorego ktorej ktorym ktorych kto kogo komu kim ' +
    // No "do" (Polish "do widzenia"), "have" or "will" ("have a nice day", "will do"): they open statements too.
    'what how when where why which who whom whose does did is are can could'
  ).split(' '),
);

/** Openers made of a question word that are not questions: "co do ceny…", "jak już mówiłem…", "what a car". */
const NOT_QUESTIONS = [
  'co do', 'co wiecej', 'co ciekawe', 'co wazne', 'jak juz', 'jak mowilem', 'jak wspomnialem', 'jak widac',
  'jak pan widzi', 'jak pani widzi', 'jak wiadomo', 'jak najbardziej', 'jak najszybciej', 'jak tylko', 'kiedy tylko',
  'what a', 'how nice', 'how lovely',
].map((phrase) => phrase.split(' '));

/**
 * Whether a sentence asks something: it ends with "?", or (transcripts miss punctuation) its first
 * word after fillers is a Polish or English question word ("czy", "jaki", "ile", "kiedy", "what",
 * "how"…), unless the opener is a known statement ("co do ceny", "jak już mówiłem").
 */
export function isQuestion(sentence: Sentence, words: Words = toWords(sentence.text)): boolean {
  if (sentence.question) return true;
  const folded = words.words;
  const start = openingWord(words);
  if (!QUESTION_WORDS.has(folded[start] ?? '')) return false;
  return !NOT_QUESTIONS.some((phrase) => phrase.every((word, k) => folded[start + k] === word));
}
