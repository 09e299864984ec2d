import { foldForSearch } from '../fold-for-search';

/** A stem never gets shorter than this: "kot"/"kota" meet at "kot", but "ul" is never cut out of "ulica". */
const MIN_STEM = 3;

/** Tokens shorter than this carry no meaning for search ("w", "na", "do", "ok"). */
const MIN_TOKEN = 3;

/**
 * Polish case, number and person endings, folded (ą → a, ę → e, ó → o), longest first so that
 * "ładowaniu" loses "iu", not just "u". Nouns, adjectives and a few unambiguous verb endings only:
 * cutting "-ł"/"-ła" would take "kanał" apart from "kanału".
 */
const POLISH_SUFFIXES = [
  'iego', 'iemu', 'ujemy', 'ujecie', 'ujesz',
  'ami', 'ach', 'ego', 'emu', 'ymi', 'imi', 'ych', 'ich', 'iem', 'owi', 'iej', 'uja', 'uje',
  'om', 'ow', 'em', 'ie', 'ia', 'iu', 'ii', 'ej', 'ym', 'im',
  'a', 'e', 'i', 'o', 'u', 'y',
].sort((a, b) => b.length - a.length);

const MOBILE_EK = /[^aeiouy]ek$/;

/** English plural and verb endings, tried after the Polish pass: "charging", "charges" and "charge" meet at "charg". */
const ENGLISH_SUFFIXES = ['ing', 'ies', 'es', 'ed', 's'];

/**
 * Words too common to search for, folded. Compared before stemming, so "pana" and "pani" are
 * dropped but "panel" is kept.
 */
const STOP_WORDS = new Set(
  ('nie sie jest sa ale czy jak tak juz tez jeszcze tylko bardzo ten tej tego temu tym tych tymi dla przez przy ' +
    'pod nad bez lub oraz albo gdy kiedy gdzie ktory ktora ktore ktorego ktorej ktorym ktorych ktorzy jego jej ich ' +
    'nim niej nich mnie sobie moj moja moje twoj nasz wasz wiec aby zeby jesli jezeli jako tam tutaj teraz byl byla ' +
    'bylo byli byc bedzie beda jestem jestes jestesmy mam masz mamy maja moze mozna pan pani panu pania panem pana ' +
    'panstwo panstwa cos czego czym ktos wszystko' +
    ' the and for with that this are was were you your not but have has had from they them their there what which ' +
    'who will would can could our its his her she him been being about than then into just').split(' '),
);

function stripOne(word: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * The search stem of one folded word: one Polish ending off (or a mobile "e" out of "-ek"), then a
 * trailing "-ow" (so "Kraków", "Krakowa" and "Krakowie" meet), then one English ending ("leasingu" → "leasing" → "leas", the
 * same as "leasing"). Words with digits stay whole ("id4", "500").
 *
 * Known limits of a suffix stripper: consonant and vowel alternations do not meet ("samochodzie"
 * → "samochodz", "mąż"/"mężem", "budżet"/"budżecie"), nor do prefixed verbs ("proponować" vs
 * "zaproponować") or English agent nouns ("charger" vs "charge"). Use a `*` prefix term for those.
 */
export function searchStem(folded: string): string {
  if (/\d/.test(folded)) return folded;
  let stem = stripOne(folded, POLISH_SUFFIXES);
  // The "e" of "-ek" drops in every other case: "wtorek"/"wtorku", "rachunek"/"rachunku" (not "człowiek").
  if (stem === folded && MOBILE_EK.test(stem) && stem.length > MIN_STEM + 1) stem = `${stem.slice(0, -2)}k`;
  stem = stripOne(stem, ['ow']);
  return stripOne(stem, ENGLISH_SUFFIXES);
}

/**
 * The distinct search stems of a transcript (or of any text), in order of first appearance:
 * folded (case and diacritics gone: "ladowanie" finds "ładowaniu"), stop words and tokens shorter
 * than three letters dropped, every other word cut to its `searchStem`. A call's transcript is
 * indexed by these, and a query matches it when every stem of the query is among them.
 */
export function transcriptSearchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const match of foldForSearch(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = match[0];
    if (token.length < MIN_TOKEN || STOP_WORDS.has(token)) continue;
    terms.add(searchStem(token));
  }
  return [...terms];
}

/**
 * The stems a full-text query must all find in a transcript's `transcriptSearchTerms`; the same
 * reading, so both sides agree. Empty when the query has no searchable word ("nie", "w"): the
 * caller decides whether that filters nothing or everything.
 */
export function searchQueryTerms(query: string): string[] {
  return transcriptSearchTerms(query);
}
