import type { CriterionEvaluation, ScorecardCriterion, ScorecardInput, Speaker } from '../../schemas/call';
import { foldForSearch } from '../fold-for-search';
import { toWords, type Words } from '../match-terms';
import { breaksBefore, isNegatedAt } from '../negation';
import { chooseEvidence, type PhraseHit, type QuotedSegment, quoteHit, toSentences } from './choose-evidence';
import { searchStem } from './transcript-search-terms';

/** What the phrase rules read of a transcript segment. */
export type RuleSegment = { id: string; speaker: Speaker | null; startMs: number; text: string };

type Part = { stem: string; prefix: boolean };
/** A segment read once for every criterion: folded words, their search stems, sentences, and where it stands in time. */
type Prepared = QuotedSegment & { segment: RuleSegment; stems: string[] };
type Hit = PhraseHit & { at: Prepared };

const MAX_RATIONALE = 600;
/** Forbidden phrases accept only a negator right before them: "jak pan nie zapłaci to przyjedziemy" is still a threat. */
const FORBIDDEN_NEGATION_WINDOW = 2;

// Scorecards are few and reused for every call: compile each phrase once.
const compiled = new Map<string, Part[]>();

/**
 * An evidence phrase as parts: a word ending in `*` matches any word starting with it (knowledge-pack
 * syntax, for alternations a stemmer misses: "budże*"); any other word matches every form with its
 * search stem ("jazda próbna" finds "jazdę próbną", "jazdy probnej").
 */
function compile(phrase: string): Part[] {
  let parts = compiled.get(phrase);
  if (!parts) {
    parts = [...foldForSearch(phrase).matchAll(/[\p{L}\p{M}\p{N}]+\*?/gu)].map(([word]) =>
      word.endsWith('*') ? { stem: word.slice(0, -1), prefix: true } : { stem: searchStem(word), prefix: false },
    );
    compiled.set(phrase, parts);
  }
  return parts;
}

function matchesAt(p: Prepared, i: number, parts: Part[]): boolean {
  if (i + parts.length > p.stems.length) return false;
  for (let j = 0; j < parts.length; j++) {
    const { stem, prefix } = parts[j]!;
    if (prefix ? !p.words.words[i + j]!.startsWith(stem) : p.stems[i + j] !== stem) return false;
  }
  return true;
}

/** "Czy nie chciałaby pani przyjechać na jazdę próbną?" is an offer, not a refusal: a "czy nie …?" question. */
function isNegativeQuestion(words: Words, start: number): boolean {
  for (let i = start - 1; i >= 1 && i >= start - 4 && !breaksBefore(words, i + 1); i--) {
    if (words.words[i] === 'nie' && words.words[i - 1] === 'czy' && !breaksBefore(words, i)) {
      return words.text.slice(words.spans[start]![0]).match(/[.!?]/)?.[0] === '?';
    }
  }
  return false;
}

function isNegated(words: Words, start: number, forbidden: boolean): boolean {
  if (forbidden) return isNegatedAt(words, start, FORBIDDEN_NEGATION_WINDOW);
  return isNegatedAt(words, start) && !isNegativeQuestion(words, start);
}

/**
 * Where every word of the transcript stands, by search stem and by folded word, built once per call:
 * finding a phrase then costs the occurrences of its first word, not a scan of the whole transcript.
 */
type Transcript = { byStem: Map<string, Position[]>; byWord: Map<string, Position[]>; byPrefix: Map<string, Position[]> };
type Position = { at: Prepared; i: number };

function indexTranscript(segments: Prepared[]): Transcript {
  const byStem = new Map<string, Position[]>();
  const byWord = new Map<string, Position[]>();
  const add = (map: Map<string, Position[]>, key: string, position: Position) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  for (const at of segments) {
    for (let i = 0; i < at.stems.length; i++) {
      add(byStem, at.stems[i]!, { at, i });
      add(byWord, at.words.words[i]!, { at, i });
    }
  }
  return { byStem, byWord, byPrefix: new Map() };
}

/** Occurrences of words starting with `prefix`, in time order (a `*` phrase's first word). */
function startingWith(transcript: Transcript, prefix: string): Position[] {
  let positions = transcript.byPrefix.get(prefix);
  if (!positions) {
    positions = [...transcript.byWord]
      .filter(([word]) => word.startsWith(prefix))
      .flatMap(([, list]) => list)
      .sort((a, b) => a.at.order - b.at.order || a.i - b.i);
    transcript.byPrefix.set(prefix, positions);
  }
  return positions;
}

/**
 * Every unnegated occurrence of each distinct phrase in the criterion's side, in time order (the
 * evidence picks the sentence that holds the most phrases, wherever it is in the call).
 */
function findPhrases(criterion: ScorecardCriterion, transcript: Transcript): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  criterion.evidence.forEach((phrase, index) => {
    const parts = compile(phrase);
    const key = parts.map((part) => `${part.stem}${part.prefix ? '*' : ''}`).join(' ');
    // Two spellings of one phrase ("jazda próbna", "jazdę próbną") are one phrase, not two towards `needed`.
    if (parts.length === 0 || seen.has(key)) return;
    seen.add(key);
    const first = parts[0]!;
    const candidates = first.prefix ? startingWith(transcript, first.stem) : (transcript.byStem.get(first.stem) ?? []);
    for (const { at, i } of candidates) {
      if (at.segment.speaker !== criterion.side || !matchesAt(at, i, parts) || isNegated(at.words, i, criterion.forbidden === true)) continue;
      hits.push({ phrase: index, at, start: i, end: i + parts.length });
    }
  });
  return hits.sort((a, b) => a.at.order - b.at.order || a.start - b.start);
}

const quoted = (phrases: string[]) => phrases.map((phrase) => `„${phrase}”`).join(', ');
const cut = (text: string) => (text.length > MAX_RATIONALE ? `${text.slice(0, MAX_RATIONALE - 1)}…` : text);

function evaluate(criterion: ScorecardCriterion, transcript: Transcript): CriterionEvaluation {
  const hits = findPhrases(criterion, transcript);
  // Listed by first occurrence: the phrases found, each once.
  const phrases = [...new Set(hits.map((hit) => hit.phrase))].map((phrase) => criterion.evidence[phrase]!);
  const first = hits[0];
  // A forbidden phrase is shown where it was first said; an expected one in the sentence that shows it best.
  const evidence = criterion.forbidden ? (first ? quoteHit(first) : null) : chooseEvidence(hits);
  const base = { criterionId: criterion.id, source: 'rules' as const, evidence };
  if (criterion.forbidden) {
    return first
      ? { ...base, result: 'not_met', rationale: cut(`Padł zakazany zwrot: ${quoted(phrases)}.`) }
      : { ...base, result: 'met', rationale: 'Nie padł żaden z zakazanych zwrotów.' };
  }
  if (!first) return { ...base, result: 'not_met', rationale: 'Nie znaleziono żadnego z oczekiwanych zwrotów.' };
  // A template may ask for more phrases than it lists; it can still be met by finding all of them.
  const needed = Math.min(criterion.needed, criterion.evidence.length);
  return {
    ...base,
    result: phrases.length >= needed ? 'met' : 'partly',
    rationale: cut(`Znalezione zwroty (${phrases.length} z ${needed} wymaganych): ${quoted(phrases)}.`),
  };
}

/**
 * Scores a transcript on a scorecard with phrase rules, the offline fallback for the LLM
 * (issue 5, "Scorecards"). For each criterion it looks for the distinct evidence phrases in the
 * segments of the criterion's side (unlabelled segments count for neither side), in any inflected
 * form and without diacritics: `needed` phrases found is met, fewer (but some) partly, none not met.
 * A phrase under negation ("nie mamy wolnego terminu") is not found, except in an offer phrased as
 * "czy nie …?". A `forbidden` criterion is met when none of its phrases is said. The evidence is the
 * sentence holding the most phrases found (see `chooseEvidence`; a forbidden phrase: the sentence of
 * its first occurrence), at most 300 characters, with its segment's start and id.
 */
export function evaluateScorecardRules(scorecard: ScorecardInput, segments: readonly RuleSegment[]): CriterionEvaluation[] {
  // Words repeat through a call: stem each distinct word once.
  const stems = new Map<string, string>();
  const stemOf = (word: string) => {
    let stem = stems.get(word);
    if (stem === undefined) stems.set(word, (stem = searchStem(word)));
    return stem;
  };
  const prepared = [...segments]
    .sort((a, b) => a.startMs - b.startMs)
    .map((segment, order): Prepared => {
      const words = toWords(segment.text);
      return { segment, words, stems: words.words.map(stemOf), sentences: toSentences(words), order };
    });
  const transcript = indexTranscript(prepared);
  return scorecard.criteria.map((criterion) => evaluate(criterion, transcript));
}
