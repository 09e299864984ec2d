import type { Entity } from '../schemas/analysis';
import { CAR_BRANDS, OWN_BRAND, type CarBrand, type CarModel } from './car-brands';
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
    new RegExp(`[ \\t\\u00a0-]+(?:${brand.models.map((m, j) => `(?<s${j}>${m.pattern})`).concat(`(?<g>${GENERIC_MODEL})`).join('|')})${EDGE_AFTER}`, 'y'),
  ]),
);

/** Words that make the next car the client's own, and how many words back they reach. */
const CURRENT_CUES = cues([
  [6, 'jezdzi jezdzil jezdzila jezdzili jezdze jezdzimy jezdza posiada posiadam posiadaja posiadal posiadala'],
  [3, 'ma mam maja mamy mial miala mieli has have had'],
  [5, 'obecnie aktualnie dotychczas dotad teraz drives drove driving owns own owned current currently'],
  [4, 'obecny obecne obecna obecnego obecnym obecnej aktualny aktualne aktualnego stary stare starego starym stara starej swoj swoje swojego swoim swoja swojej old older'],
  [4, 'oddac odda oddaje oddania oddanie zamienic zamieni zamienia wymienic wymieni wymienia sprzedac sprzeda sprzedaje odkupic odkup rozliczenie'],
  [4, 'przesiada przesiadl przesiadla przesiasc przesiadka trade trading traded sell selling swap swapping replace replacing switching upgrading'],
  [1, 'his her their my our jego jej ich'],
]);
/** Words that make the next car an alternative the client weighs; "na", "to", "for" only right before it. */
const COMPETITOR_CUES = cues([
  [6, 'pytal pytala pyta pytali zapytal zapytala dopytywal porownuje porownywal porownuja porownac porownanie porownania porownaniu rozwaza rozwazal rozwazaja rozwazyc oglada ogladal ogladali'],
  [6, 'oferta oferte oferty ofercie konkurencja konkurencji vs versus albo lub czy zamiast niz tansze tanszy tansza drozsze lepsze lepszy woli wola lubi podoba podobalo podobal'],
  [6, 'chce chcialby chcialaby chcial mysli interesuje zainteresowany testowal testuje jazda jazde jazdy probna probnej salon salonie dealer dealera wybiera kupic kupi'],
  [6, 'asked asks ask compare compares compared comparing considering considers consider looking looked likes liked prefers prefer wants want offer offered quote quoted or instead than cheaper better alternative test tested interested saw visited buy buying'],
  [1, 'na to into for u'],
]);
const CONJUNCTIONS = new Set(['i', 'oraz', 'and', 'a', 'lub', 'or']);

function cues(groups: [number, string][]): Map<string, number> {
  return new Map(groups.flatMap(([reach, words]) => words.split(' ').map((w): [string, number] => [w, reach])));
}

/** Right after the car: a relative clause or a trade-in phrase that makes it the client's own. */
const OWN_AFTER = new RegExp(
  String.raw`[\s,(]*(?:(?:z|from|rocznik)\s+)?(?:\d{4}\s*(?:r\.?|rok\w*)?\)?[\s,]*)?` +
    String.raw`(?:ktor\w+ (?:obecnie |teraz |aktualnie )?(?:jezdzi|ma|posiada)\w*|w rozliczeni\w*|do rozliczenia|do oddania|do odkupu|na odkup|jako (?:wklad|rozliczenie)` +
    String.raw`|(?:which|that) (?:he|she|they) (?:drives|owns|has|currently)|(?:he|she|they) (?:drives|owns)|as (?:a |the )?trade-?in|to trade(?: it)? in|for (?:a )?trade-?in)`,
  'y',
);
/** Handing the current car in: "w rozliczeniu", "chce oddać", "odkup", "trade-in", "part-exchange". */
const TRADE_IN =
  /(?<![a-z])(?:w rozliczeni\w*|do rozliczenia|odkup\w*|do oddania|odda(?:c|m|my|je|ja|nie|nia|niu|niem|wac|wanie)?|zamian[aeyi]|zamieni\w*|trade[- ]?ins?|trade (?:it|his|her|their|the|my|our)(?: [a-z0-9]+){0,3} in|traded in|trading in|part[- ]ex\w*)(?![a-z])/g;
const NEGATED_BEFORE = /(?:^|[^a-z])(?:nie|not|no|bez|without|dont|don't|doesnt|doesn't)(?:\s+[a-z']+){0,3}\s*$/;
const YEAR = /^(?:19[89]\d|20[0-3]\d)r?$/;
const SENTENCE_END = /[!?;\n]+|\.(?=\s+\p{Lu}|\s*$)/gu;
const CLAUSE_END = /[!?;,()\n]+|\.(?=\s+\p{Lu}|\s*$)|\s[-–—]\s/gu;
const TOKEN = /[a-z0-9\u00c0-\u024f\u0370-\u04ff]+/g;

type Token = { start: number; end: number; word: string; sentence: number; clause: number };
type Mention = { start: number; end: number; brand: CarBrand; model: string | null; kind: 'current_car' | 'competitor' | null };

/** "a4" → "A4", "ix3" → "iX3", "ev6" → "EV6", "e-208" → "e-208", "cx-5" → "CX-5", "q4 e-tron" → "Q4 e-tron". */
function modelName(raw: string): string {
  return raw
    .split(' ')
    .map((part) => {
      if (/^e-?tron$/.test(part)) return 'e-tron';
      const m = /^([a-z]*)(-?)(\d*)([a-z]*)$/.exec(part);
      if (!m) return part;
      const [, lead = '', dash = '', digits = '', tail = ''] = m;
      if (lead === 'e' && dash) return `e-${digits}${tail}`;
      const head = lead.startsWith('i') && lead.length <= 2 ? `i${lead.slice(1).toUpperCase()}` : lead.toUpperCase();
      return `${head}${dash}${digits}${tail}`;
    })
    .join(' ');
}

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
          name = known ? known.name : modelName(raw);
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
    tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0], sentence, clause });
  }
  return tokens;
}

/** Reads the words before a car, nearest first, for a cue that says whose car it is, and where the cue starts. */
function cueBefore(tokens: Token[], first: number, mentions: Mention[]): { kind: Mention['kind']; from: number } {
  const clause = tokens[first]?.clause;
  for (let k = 1; k <= 6 && first - k >= 0; k++) {
    const token = tokens[first - k]!;
    const earlier = mentions.find((mm) => token.start >= mm.start && token.end <= mm.end);
    if (earlier) {
      // "jeździ BMW X5, Audi Q7 i Skodą": a car listed right after another shares its reading.
      const between = tokens.slice(first - k + 1, first);
      const listed = between.every((t) => CONJUNCTIONS.has(t.word)) && (between.length > 0 || token.clause !== clause);
      return listed ? { kind: earlier.kind, from: first - k + 1 } : { kind: null, from: first };
    }
    if (token.clause !== clause) break;
    if ((CURRENT_CUES.get(token.word) ?? 0) >= k) return { kind: 'current_car', from: first - k };
    if ((COMPETITOR_CUES.get(token.word) ?? 0) >= k) return { kind: 'competitor', from: first - k };
  }
  return { kind: null, from: first };
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
 * clause after it; otherwise a brand other than Tesla counts as a competitor. Values read
 * "BMW i4", "Volkswagen Passat", and for the own car "Audi A4 (2015, trade-in)" when the note
 * says it is handed in (see `isTradeInCar`).
 */
export function extractCars(text: string, folded = foldInPlace(text)): Entity[] {
  const mentions = findMentions(text, folded);
  if (mentions.length === 0) return [];
  const tokens = tokenize(text, folded);
  const tradeIn = tradeInCues(folded);
  const entities: Entity[] = [];
  for (const mention of mentions) {
    const first = tokens.findIndex((t) => t.start >= mention.start);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.end <= mention.end) last++;
    OWN_AFTER.lastIndex = mention.end;
    const ownAfter = OWN_AFTER.test(folded);
    const cue = cueBefore(tokens, first, mentions);
    mention.kind = ownAfter ? 'current_car' : cue.kind;
    const kind = mention.kind ?? 'competitor';
    if (kind === 'competitor' && mention.brand.name === OWN_BRAND) continue;
    const car = mention.model ? `${mention.brand.name} ${mention.model}` : mention.brand.name;
    const year = kind === 'current_car' ? yearNear(tokens, first, last) : null;
    const notes = [year?.word.slice(0, 4), kind === 'current_car' && tradeIn.length > 0 ? 'trade-in' : null].filter(Boolean);
    const value = notes.length > 0 ? `${car} (${notes.join(', ')})` : car;
    // The trade-in phrase in the same sentence belongs to the evidence: "jeździ Audi A4 z 2015, chce oddać w rozliczeniu".
    const sentence = tokens[first]?.sentence;
    const handIn =
      kind === 'current_car' ? tradeIn.filter((c) => tokens.find((t) => t.start >= c.start)?.sentence === sentence) : [];
    const start = Math.min(tokens[cue.from]?.start ?? mention.start, mention.start, year?.start ?? Infinity, ...handIn.map((c) => c.start));
    const end = Math.max(mention.end, ownAfter ? OWN_AFTER.lastIndex : 0, year?.end ?? 0, ...handIn.map((c) => c.end));
    const evidence = text.slice(start, end).slice(0, 300);
    if (!entities.some((e) => e.kind === kind && e.value === value)) entities.push({ kind, value, evidence });
  }
  // "BMW" and later "BMW i4": the plain brand adds nothing.
  return entities.filter(
    (e) => !entities.some((o) => o !== e && o.kind === e.kind && o.value.startsWith(`${e.value} `) && !e.value.includes('(')),
  );
}

/** Whether an entity is the client's current car and the note says it is handed in (trade-in). */
export function isTradeInCar(entity: Entity): boolean {
  return entity.kind === 'current_car' && /\btrade-in\)$/.test(entity.value);
}
