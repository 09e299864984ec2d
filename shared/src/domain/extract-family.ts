import type { Entity } from '../schemas/analysis';
import { foldInPlace } from './fold-in-place';

const COUNT: Record<string, number> = {
  jedno: 1, jedynak: 1, jedynaczka: 1, dwoje: 2, dwojka: 2, dwojke: 2, dwojki: 2, dwoch: 2, dwie: 2, troje: 3, trojka: 3,
  trojke: 3, trojki: 3, trzech: 3, trzy: 3, czworo: 4, czworka: 4, czworke: 4, czterech: 4, cztery: 4, piecioro: 5,
  piatka: 5, piatke: 5, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
};
const countOf = (word: string): number | undefined => COUNT[word] ?? (/^\d{1,2}$/.test(word) ? Number(word) : undefined);

const alt = (words: string) => words.trim().split(/\s+/).join('|');
/** Any word for a child, Polish in its cases, and English. */
const CHILD = alt(String.raw`
  dzieci\w* dziecko dziecka dzieckiem dziecmi dzieciak\w* cork[aeiy] corce corkami corek coreczk\w*
  syn(?:a|em|owi|owie|ow|ami|ek|ka|kiem)? wnu(?:k|cz)\w*
  kids? children child sons? daughters? babies baby toddlers? grandchild\w* grandkids? boys girls`);
/** The words that take a count or an age ("dwoje dzieci", "córka 5 lat"). */
const CHILD_SPECIFIC = alt(String.raw`
  dzieci\w* dziecko dziecka dzieckiem dziecmi dzieciak\w* cork[aeiy] corek corkami coreczk\w* syn(?:a|owie|ow|ami|ek|ka)?
  kids? children child sons? daughters? boys girls`);
/** Counts as words: "dwoje", "trójkę", "dwóch", "two". */
const COUNT_WORD = alt(String.raw`
  jedno jedynak jedynaczka dwoje troje czworo piecioro dwojk[aei] trojk[aei] czwork[aei] piatk[ae]
  dwoch trzech czterech dwie trzy cztery one two three four five six \d{1,2}`);
const ADJECTIVE = alt(String.raw`mal\w* maluch\w* nastoletni\w* dorosl\w* small little young teenage grown-up grown`);
const AGE_UNIT = String.raw`(?:lat\w*|rok\w*|l\.|years?|yrs?|y\.?o\.?|-year-old|year-old|miesiec\w*|miesiac\w*|months?)`;

type Rule = { regex: RegExp; value: (g: Record<string, string | undefined>, whole: string) => string[] };
const rule = (alternatives: string[], value: Rule['value']): Rule => ({
  regex: new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z])`, 'g'),
  value,
});

// Specific facts first; a bare mention of a child or a spouse only where nothing specific covers it.
const SPECIFIC: Rule[] = [
  rule(
    [
      String.raw`(?:nie ma|nie maja|nie mamy|bez|brak)(?: jeszcze)? (?:dzieci|dziecka)|bezdzietn\w*`,
      String.raw`(?:no|without) (?:kids|children)|(?:doesn't|don't|do not|does not|dont|doesnt) have (?:any )?(?:kids|children)|childless`,
    ],
    () => ['no_children'],
  ),
  rule(
    [String.raw`(?<n>${COUNT_WORD})\s+(?:(?:${ADJECTIVE})\s+)?(?:${CHILD_SPECIFIC})`],
    (g) => {
      const n = countOf(g.n ?? '');
      return n && n < 15 ? [`children:${n}`] : [];
    },
  ),
  rule(
    [
      String.raw`(?:${CHILD_SPECIFIC})[\s,:(]+(?:(?<cue>w wieku|aged?)\s+)?(?:ma\s+|maja\s+)?` +
        String.raw`(?<ages>\d{1,2}(?:\s*(?:,|i|oraz|and|&)\s*\d{1,2})*)(?:\s*-?\s*(?<unit>${AGE_UNIT}))?`,
    ],
    (g) => {
      if (!g.cue && !g.unit) return []; // "syn 8" may be anything
      const months = /^(?:mies|mo)/.test(g.unit ?? '');
      return (g.ages ?? '').split(/\D+/).filter(Boolean).map((age) => `child_age:${months ? 0 : Number(age)}`);
    },
  ),
  rule(
    [String.raw`(?<age>\d{1,2})\s*-?\s*(?:letni\w*|letnia|latk\w*|miesieczn\w*|year-old|year old|yo)\s+(?:${CHILD_SPECIFIC})`],
    (g, whole) => [`child_age:${/miesieczn/.test(whole) ? 0 : Number(g.age)}`],
  ),
  rule(
    [
      String.raw`rodzin\w* (?<n>\d{1,2})\s*-?\s*osobow\w*|(?<n2>\d{1,2})\s*-?\s*osobow\w* rodzin\w*|(?<n4>\d{1,2}) osob w rodzinie`,
      String.raw`family of (?<n3>\d{1,2}|three|four|five|six)`,
    ],
    (g) => [`family_size:${countOf(g.n ?? g.n2 ?? g.n3 ?? g.n4 ?? '')}`],
  ),
  rule(
    [
      String.raw`w ciazy|spodziewa\w* sie (?:(?:drugiego|trzeciego|kolejnego) )?(?:dziecka|potomstwa|maluszka)`,
      String.raw`expecting (?:a baby|a child|their \w+ (?:child|baby))|pregnant|baby on the way`,
    ],
    () => ['baby_on_the_way'],
  ),
];
const GENERIC: Rule[] = [
  rule([String.raw`(?<!jak |like a |like )(?:${CHILD})`], () => ['children']),
  rule(
    [String.raw`zon(?:a|y|ie|e|ami)|malzon\w*|maz|meza|mezem|mezowi|partnerk\w*|narzeczon\w*`, 'wife|husband|spouse|fiancee?'],
    () => ['spouse'],
  ),
];

/**
 * Finds the client's family as it matters for the car: how many children and how old ("dwoje
 * dzieci", "trójka dzieci", "córka 5 lat", "5-letni syn", "two kids"), a spouse or partner ("żona",
 * "wife"), the family's size ("rodzina 5-osobowa"), a baby on the way, or explicitly no children.
 * Values are codes the UI translates: `children:2`, `child_age:5`, `children` (count unknown),
 * `spouse`, `family_size:5`, `baby_on_the_way`, `no_children`.
 */
export function extractFamily(text: string, folded = foldInPlace(text)): Entity[] {
  const found: { start: number; end: number; value: string }[] = [];
  const covered = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  for (const [rules, specific] of [
    [SPECIFIC, true],
    [GENERIC, false],
  ] as const) {
    for (const { regex, value } of rules) {
      for (const m of folded.matchAll(regex)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!specific && covered(start, end)) continue;
        // "żonę" folds to "zone": only with the Polish letters is it a wife, not an English zone.
        if (/^zone$/.test(m[0]) && !/[żę]/i.test(text.slice(start, end))) continue;
        for (const v of value(m.groups ?? {}, m[0])) found.push({ start, end, value: v });
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  const entities: Entity[] = [];
  for (const f of found) {
    if (!entities.some((e) => e.value === f.value)) {
      entities.push({ kind: 'family', value: f.value, evidence: text.slice(f.start, f.end).slice(0, 300) });
    }
  }
  // A specific count or age says more than the bare mention of children.
  return entities.some((e) => e.value !== 'children' && /^(?:children:|child_age:|no_children)/.test(e.value))
    ? entities.filter((e) => e.value !== 'children')
    : entities;
}
