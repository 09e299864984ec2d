import type { Words } from './match-terms';

/**
 * Negating words, folded. Polish negative concord ("nigdy nie", "nikt nie") keeps one negation, so
 * a second negator never cancels the first. English "n't" arrives split: "don't" → "don", "t".
 */
const NEGATORS = new Set([
  'nie', 'nigdy', 'ani', 'bez', 'zaden', 'zadna', 'zadne', 'zadnego', 'zadnej', 'zadnych', 'nikt', 'nic',
  'not', 'never', 'without', 'nor', 'neither', 'cannot', 'hardly', 'nobody', 'nothing',
  'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'cant', 'wouldnt', 'shouldnt', 'havent', 'hasnt',
]);

/** "no" negates only the next word in English; in Polish it means "well". */
const NEGATORS_NEXT_WORD_ONLY = new Set(['no']);

/** Negators that take a noun, not a clause: "bez jazdy próbnej", "without a test drive", not "bez problemu przyjedzie na jazdę". */
const SHORT_REACH: Readonly<Record<string, number>> = { no: 1, bez: 2, without: 2, nic: 2, nothing: 2, nikt: 2, nobody: 2 };

/** A sentence or clause ends between two words: negation does not reach across it. */
const CLAUSE_BREAK = /[.!?;,:()\n]|\s[-–—]\s/;

/** Words that open a new clause: "nie ma dzieci, ale chce jazdę" negates only the first half. */
const CONTRAST = new Set(['ale', 'lecz', 'jednak', 'natomiast', 'but', 'however', 'although', 'though', 'yet']);

/** Whether there is a clause break between word `i - 1` and word `i`. */
export function breaksBefore(text: Words, i: number): boolean {
  if (i <= 0 || !text.spans[i] || !text.spans[i - 1]) return false;
  return CLAUSE_BREAK.test(text.text.slice(text.spans[i - 1]![1], text.spans[i]![0]));
}

/** Whether word `i` is a negation (for "n't": the "t" after "don", "isn", "can"…). */
export function isNegator(text: Words, i: number, englishNo = true): boolean {
  const word = text.words[i];
  if (word === undefined) return false;
  if (word === 'nie' && text.words[i + 1] === 'tylko') return false; // "nie tylko" = "not only"
  if (word === 'not' && text.words[i + 1] === 'only') return false;
  if (NEGATORS.has(word)) return true;
  if (word === 't' && (text.words[i - 1] ?? '').endsWith('n') && !breaksBefore(text, i)) return true;
  return englishNo && NEGATORS_NEXT_WORD_ONLY.has(word);
}

/**
 * Whether the phrase starting at word `start` is negated: a negator within `window` words before
 * it, in the same clause ("nie chce jazdy próbnej", "not interested in a test drive"); a comma, a
 * full stop or "ale"/"but" ends the negation's reach. English "no" counts only right before the
 * phrase ("no test drive"), since Polish "no" means "well"; "bez"/"without" reach two words.
 */
export function isNegatedAt(text: Words, start: number, window = 4): boolean {
  for (let k = 1; k <= window && start - k >= 0; k++) {
    const i = start - k;
    if (breaksBefore(text, i + 1) || CONTRAST.has(text.words[i]!)) return false;
    const reach = SHORT_REACH[text.words[i]!];
    if (reach !== undefined && k > reach) continue;
    if (text.words[i] === 'no' || isNegator(text, i, false)) return true;
  }
  return false;
}
