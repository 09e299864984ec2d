import type { Entity } from '../schemas/analysis';
import { CAR_BRANDS, formatModelName, OWN_BRAND, type CarBrand, type CarModel } from './car-brands';
import {
  COMPETITOR_CUES,
  CONJUNCTIONS,
  CURRENT_CUES,
  NEGATED_BEFORE,
  NOT_OWN_AFTER,
  OTHERS_BEFORE,
  OWN_AFTER,
  TEST_RIDE_BEFORE,
  TRADE_IN,
} from './car-cues';
import { foldInPlace } from './fold-in-place';

// Every pattern runs on folded text (lower case, no diacritics, same offsets as the original).
const GENERIC_MODEL = String.raw`[a-z]{1,3}-?\d{1,3}[a-z]{0,2}(?: e-?tron)?|\d{3}[a-z]{0,2}`;
// Folded text is (nearly) all ASCII, so ASCII word edges do, and keep the big pattern fast.
const EDGE_BEFORE = String.raw`(?<![a-z0-9])`;
const EDGE_AFTER = String.raw`(?![a-z0-9])`;

type Entry = { brand: CarBrand; model: CarModel | null };
const ENTRIES: Entry[] = CAR_BRANDS.flatMap((brand) => [
  { brand, model: null },
  ...brand.models.filter((model) => model.alone).map((model) => ({ brand, model })),
]);
const patternOf = (e: Entry) => e.model?.pattern ?? e.brand.pattern;
// One pattern finds every brand and standalone model; which entry it was is looked up per match
// (named groups for ~120 alternatives would cost more than the search itself).
const MENTION = new RegExp(`${EDGE_BEFORE}(?:${ENTRIES.map(patternOf).join('|')})${EDGE_AFTER}`, 'g');
const WHOLE = ENTRIES.map((e) => new RegExp(`^(?:${patternOf(e)})$`));
const entryCache = new Map<string, Entry | undefined>();

/** The first entry whose pattern takes the whole match, as the alternation chose it. */
function entryOf(matched: string): Entry | undefined {
  if (!entryCache.has(matched)) {
    const entry = ENTRIES[WHOLE.findIndex((whole) => whole.test(matched))];
    if (entryCache.size > 2000) entryCache.clear();
    entryCache.set(matched, entry);
  }
  return entryCache.get(matched);
}
/** Per brand, the model right after its name: a known one, or one read by shape. */
const MODEL_AFTER = new Map(
  CAR_BRANDS.map((brand) => [
    brand,
    new RegExp(
      `[ \\t\\u00a0-]+(?:${[...brand.models.map((m, j) => `(?<s${j}>${m.pattern})`), `(?<g>${GENERIC_MODEL})`].join('|')})${EDGE_AFTER}`,
      'y',
    ),
  ]),
);

const YEAR = /^(?:19[89]\d|20[0-3]\d)r?$/;
const SENTENCE_END = /[!?;\n]+|\.(?=\s+\p{Lu}|\s*$)/gu;
const CLAUSE_END = /[!?;,()\n]+|\.(?=\s+\p{Lu}|\s*$)|\s[-–—]\s/gu;
const TOKEN = /[a-z0-9\u00c0-\u024f\u0370-\u04ff]+/g;

/** A word of the folded text, its sentence and clause, and the car mention it belongs to (-1: none). */
type Token = { start: number; end: number; word: string; sentence: number; clause: number; mention: number };
type Mention = {
  start: number;
  end: number;
  brand: CarBrand;
  model: string | null;
  /** `other`: someone else's car ("Teslą kolegi", "służbowym Audi"), which no entity reports. */
  kind: 'current_car' | 'competitor' | 'other' | null;
};

const hasCapital = (s: string) => /\p{Lu}/u.test(s);

function findMentions(text: string, folded: string): Mention[] {
  const mentions: Mention[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(folded); m; m = MENTION.exec(folded)) {
    const entry = entryOf(m[0]);
    if (!entry) continue;
    const { brand, model } = entry;
    if ((model?.cased ?? brand.cased) && !hasCapital(text.slice(m.index, m.index + m[0].length))) continue;
    let end = m.index + m[0].length;
    let name = model?.name ?? null;
    if (!model) {
      const after = MODEL_AFTER.get(brand)!;
      after.lastIndex = end;
      const found = after.exec(folded);
      if (found) {
        const j = brand.models.findIndex((_, i) => found.groups![`s${i}`] !== undefined);
        const known = j < 0 ? null : brand.models[j]!;
        const raw = found[0].replace(/^[\s-]+/, '');
        if (!known?.cased || hasCapital(text.slice(end, end + found[0].length))) {
          name = known ? known.name : formatModelName(raw);
          end += found[0].length;
          MENTION.lastIndex = end;
        }
      }
    }
    mentions.push({ start: m.index, end, brand, model: name, kind: null });
  }
  return mentions;
}

function tokenize(text: string, folded: string): Token[] {
  const sentenceEnds = [...text.matchAll(SENTENCE_END)].map((m) => m.index);
  const clauseEnds = [...text.matchAll(CLAUSE_END)].map((m) => m.index);
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m; m = TOKEN.exec(folded)) {
    while (sentence < sentenceEnds.length && sentenceEnds[sentence]! < m.index) sentence++;
    while (clause < clauseEnds.length && clauseEnds[clause]! < m.index) clause++;
    tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0], sentence, clause, mention: -1 });
  }
  return tokens;
}

/** The first token starting at or after `position` (binary search: notes run to 20,000 characters). */
function tokenAt(tokens: Token[], position: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Reads the words before a car, nearest first, for a cue that says whose car it is; `from` is where the cue starts. */
function cueBefore(tokens: Token[], first: number, mentions: Mention[]): { kind: Mention['kind']; from: number } {
  const clause = tokens[first]?.clause;
  let testRide = -1;
  for (let k = 1; k <= 6 && first - k >= 0; k++) {
    const token = tokens[first - k]!;
    const earlier = mentions[token.mention];
    if (earlier) {
      // "jeździ BMW X5, Audi Q7 i Skodą": a car listed right after another shares its reading.
      const between = tokens.slice(first - k + 1, first);
      const listed = between.every((t) => CONJUNCTIONS.has(t.word)) && (between.length > 0 || token.clause !== clause);
      return listed ? { kind: earlier.kind, from: first - k + 1 } : { kind: null, from: first };
    }
    if (token.clause !== clause) break;
    if (OTHERS_BEFORE.has(token.word)) return { kind: 'other', from: first };
    if (TEST_RIDE_BEFORE.has(token.word)) testRide = first - k;
    if ((CURRENT_CUES.get(token.word) ?? 0) >= k) {
      // "jeździł próbnie BMW", "test-drove an Audi": a test ride makes the car an alternative, not theirs.
      const test = testRide >= 0 || TEST_RIDE_BEFORE.has(tokens[first - k - 1]?.word ?? '');
      return { kind: test ? 'competitor' : 'current_car', from: test && testRide < 0 ? first - k - 1 : first - k };
    }
    if ((COMPETITOR_CUES.get(token.word) ?? 0) >= k) return { kind: 'competitor', from: first - k };
  }
  return testRide >= 0 ? { kind: 'competitor', from: testRide } : { kind: null, from: first };
}

/** The model year next to the car: "Audi A4 z 2015", "a 2016 Golf", "rocznik 2018". */
function yearNear(tokens: Token[], first: number, last: number): Token | null {
  const sentence = tokens[first]?.sentence;
  const near = [...tokens.slice(last + 1, last + 4), ...tokens.slice(Math.max(0, first - 2), first)];
  return near.find((t) => t.sentence === sentence && YEAR.test(t.word)) ?? null;
}

/** Where the note says a car is handed in, negated mentions ("nie chce oddawać") left out. */
function tradeInCues(folded: string): { start: number; end: number }[] {
  return [...folded.matchAll(TRADE_IN)]
    .filter((m) => !NEGATED_BEFORE.test(folded.slice(Math.max(0, m.index - 25), m.index)))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Finds the cars in a note: the client's own (`current_car`: "jeździ Audi A4 z 2015", "ma Passata",
 * "obecnie Toyota Corolla", "my current car is a 2016 Golf", "chce oddać Audi w rozliczeniu") and
 * the alternatives they weigh (`competitor`: "pytał o BMW i4", "porównuje z Ioniq 5"). A car is
 * the client's own when a driving, owning or trade-in cue comes just before it or a relative
 * clause after it; someone else's car ("Teslą kolegi", "służbowym Audi", "his friend's Tesla") is
 * left out, and one only test-ridden ("na jeździe próbnej", "test-drove") is a competitor;
 * otherwise a brand other than Tesla counts as a competitor. Values read
 * "BMW i4", "Volkswagen Passat", and for the own car "Audi A4 (2015, trade-in)" when the note
 * says it is handed in (see `isTradeInCar`).
 */
export function extractCars(text: string, folded = foldInPlace(text)): Entity[] {
  const mentions = findMentions(text, folded);
  if (mentions.length === 0) return [];
  const tokens = tokenize(text, folded);
  const tradeIn = tradeInCues(folded).map((cue) => ({ ...cue, sentence: tokens[tokenAt(tokens, cue.start)]?.sentence }));
  const spans = mentions.map((mention, index) => {
    const first = tokenAt(tokens, mention.start);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.end <= mention.end) last++;
    for (let t = first; t <= last && t < tokens.length; t++) tokens[t]!.mention = index;
    return { first, last };
  });
  const entities: Entity[] = [];
  const seen = new Set<string>();
  mentions.forEach((mention, index) => {
    const { first, last } = spans[index]!;
    OWN_AFTER.lastIndex = mention.end;
    const ownAfter = OWN_AFTER.test(folded);
    NOT_OWN_AFTER.lastIndex = mention.end;
    const notOwn = ownAfter ? null : NOT_OWN_AFTER.exec(folded);
    const cue = cueBefore(tokens, first, mentions);
    mention.kind = ownAfter ? 'current_car' : notOwn?.groups?.owner ? 'other' : cue.kind;
    // A car the client only test-rode ("jeździł Audi na jeździe próbnej") is an alternative, not theirs.
    if (notOwn && mention.kind === 'current_car') mention.kind = 'competitor';
    const kind = mention.kind ?? 'competitor';
    if (kind === 'other') return;
    if (kind === 'competitor' && mention.brand.name === OWN_BRAND) return;
    const car = mention.model ? `${mention.brand.name} ${mention.model}` : mention.brand.name;
    const year = kind === 'current_car' ? yearNear(tokens, first, last) : null;
    const handedIn = kind === 'current_car' && tradeIn.length > 0;
    const notes = [year?.word.slice(0, 4), handedIn ? 'trade-in' : null].filter(Boolean);
    const value = notes.length > 0 ? `${car} (${notes.join(', ')})` : car;
    // The trade-in phrase of the same sentence belongs to the evidence:
    // "jeździ Audi A4 z 2015, chce oddać w rozliczeniu".
    const sentence = tokens[first]?.sentence;
    const handIn = handedIn ? tradeIn.filter((c) => c.sentence === sentence) : [];
    const from = tokens[cue.from]?.start ?? mention.start;
    const start = Math.min(from, mention.start, year?.start ?? Infinity, ...handIn.map((c) => c.start));
    const end = Math.max(mention.end, ownAfter ? OWN_AFTER.lastIndex : 0, year?.end ?? 0, ...handIn.map((c) => c.end));
    const evidence = text.slice(start, end).slice(0, 300);
    if (seen.has(`${kind}:${value}`)) return;
    seen.add(`${kind}:${value}`);
    entities.push({ kind, value, evidence });
  });
  // "BMW" and later "BMW i4": the plain brand adds nothing.
  const named = (e: Entity) => entities.some((o) => o !== e && o.kind === e.kind && o.value.startsWith(`${e.value} `));
  return entities.filter((e) => e.value.includes('(') || !named(e));
}

/** Whether an entity is the client's current car and the note says it is handed in (trade-in). */
export function isTradeInCar(entity: Entity): boolean {
  return entity.kind === 'current_car' && /\btrade-in\)$/.test(entity.value);
}
