import type { Entity } from '../schemas/analysis';
import { foldInPlace } from './fold-in-place';

// All patterns run on folded text (lower case, no diacritics, same offsets as the original).
const NUM = String.raw`\d{1,3}(?:[ \u00a0.,]\d{3})+(?!\d)|\d+(?:[.,]\d+)?`;
const MULT = String.raw`(?:tys(?:iac\w*|iec\w*|\.)?|k|mln\.?|milion\w*)(?![a-z])`;
const CUR = String.raw`(?:zl(?:otych|ote|oty)?|pln|euro?|€|\$|usd|dolar\w*|dollars?|chf|gbp|£)(?![a-z])`;
const MONTHLY = String.raw`(?:\/\s?(?:mc|m-c|mies\.?|miesiac|month|mo)(?![a-z])|miesiecznie|mies\.|na miesiac|w miesiacu|(?:per|a) month|monthly)`;

const AMOUNT = new RegExp(
  String.raw`(?<![\w.,\-/])(?<pre>[$€£]\s?)?(?<a>${NUM})(?:\s?(?<am>${MULT}))?` +
    String.raw`(?:\s?(?:-|–|—|do|to|and|i)\s?[$€£]?(?<b>${NUM}))?(?:\s?(?<m>${MULT}))?(?:\s?(?<cur>${CUR}))?` +
    String.raw`(?:\s?(?<q>netto|brutto|net|gross)(?![a-z]))?(?:\s?(?<mon>${MONTHLY}))?`,
  'gd',
);

const alt = (words: string) => words.trim().split(/\s+/).join('|');

/** Words right before an amount that belong to it ("budżet do", "rata ok.", "around"); "_" is a space. */
const CUE = alt(String.raw`
  budzet\w* budget rat(?:a|e|y|ka|ke) miesieczn\w* monthly installments? instalments? payments? kwot\w* cena price
  max\.? maks\.? maksymalnie maximum do up_to around about approx\.? approximately ok\.? okolo ca\.? circa
  nie_wiecej_niz no_more_than under below ponizej od from between miedzy of za wydac wyda spend afford
  w_granicach w_okolicach mniej_wiecej roughly ~`).replace(/_/g, ' ');
const CUES_BEFORE = new RegExp(String.raw`(?<![a-z])(?:(?:${CUE})[\s:]*)+$`);
/** Cues strong enough to make a bare number an amount: "budżet 250000", "rata 2500". */
const STRONG_CUE = /budzet|budget|rat[aey]|miesieczn|monthly|installment|instalment|payment|kwot|wydac|wyda|spend|afford|cena|price/;
const MONTHLY_CUE = /rat[aey]|miesieczn|monthly|installment|instalment|payment/;
/** Amounts that are not what the client means to spend: a subsidy, a running cost, another car's price. */
const NOT_A_BUDGET = new RegExp(
  String.raw`(?<![a-z])(?:${alt(String.raw`
    dopla\w* dotacj\w* rabat\w* znizk\w* upust\w* discount subsid\w* grant
    paliw\w* benzyn\w* prad\w* ladowani\w* charging fuel petrol oszczedz\w* sav\w* ubezpiecz\w* insurance serwis\w* przeglad\w*
    kosztuj\w* kosztowal\w* costs? przebieg\w* mileage mandat\w* podat\w* pensj\w* zarabia\w* earns? salary`)})[^.!?;\n]{0,25}$`,
);
// Words between the comparative and the sum, within one clause; "ok." is no sentence end.
const GAP = String.raw`(?:[^.,!?;\n]|(?<=ok)\.)`;
/**
 * A price difference, not a budget: a comparative or "różnica" before the sum ("tańszy o 20 tys.",
 * "droższy od Tesli o 30k", "różnica 15 tys.", "cheaper by $5k", "a difference of 10k")…
 */
const DIFFERENCE_BEFORE = new RegExp(
  String.raw`(?<![a-z])(?:(?:tansz|drozsz|taniej|drozej|cheaper|pricier|expensive)[a-z]*${GAP}{0,30}?(?:\so|\sby)` +
    String.raw`(?:\s+(?:ok\.?|okolo|jakies|nawet|az|tylko|about|around|only|roughly|almost|nearly))?` +
    String.raw`|(?:roznic\w*|difference)${GAP}{0,24})\s*$`,
);
/** …or one after it: "o 20 tys. mniej", "20 tys. taniej", "5k cheaper", "$3,000 more". */
const DIFFERENCE_AFTER =
  /^\s?(?:taniej|drozej|tansz\w*|drozsz\w*|mniej(?! wiecej)|wiecej|cheaper|pricier|less|more(?! or less)|(?:more|less) expensive)(?![a-z])/;
/** A unit right after the number: a range, a power, a time, an age; never money. */
const UNIT_AFTER = new RegExp(
  String.raw`^\s?(?:${alt(String.raw`
    km kwh kw koni hp ps s sek\w* sec\w* min\w* h godz\w* hours? lat lata latk\w* let\w* rok\w* roczn\w* years? yo
    mies\w* miesi\w* months? tyg\w* weeks? dni days? % proc\w* percent kg t l litr\w* cm mm m
    osob\w* people drzwi miejsc\w* seats? cali x razy times r rocznik`)})(?![a-z])`,
);

const parse = (raw: string): number =>
  /^\d{1,3}(?:[ \u00a0.,]\d{3})+$/.test(raw) ? Number(raw.replace(/\D/g, '')) : Number(raw.replace(',', '.'));

const factor = (mult: string | undefined): number =>
  !mult ? 1 : mult.startsWith('m') ? 1_000_000 : 1000;

const CURRENCY: [RegExp, string][] = [
  [/^(?:zl|pln)/, 'zł'],
  [/^(?:eur|€)/, 'EUR'],
  [/^(?:\$|usd|dol)/, 'USD'],
  [/^(?:chf)/, 'CHF'],
  [/^(?:gbp|£)/, 'GBP'],
];

const currencyOf = (symbol: string | undefined): string =>
  CURRENCY.find(([pattern]) => symbol && pattern.test(symbol.trim()))?.[1] ?? 'zł';

/** 250000 → "250 000": the Polish way, a space between thousands. */
const formatAmount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/**
 * Finds the client's budget: an amount to spend or a monthly rate the client can afford, in Polish
 * ("250 tys. zł", "do 250 tysięcy", "200-250k", "ok. 180 000 zł", "rata 2 500 zł miesięcznie",
 * "3k netto miesięcznie") or English ("$50k", "budget of 60,000 euro", "around 200k PLN").
 * An amount needs a currency, a multiplier (tys., k, mln) or a budget word before it, so model
 * names, years, ranges in km and acceleration times are not read as money; subsidies, running
 * costs, other cars' prices and price differences ("tańszy o 20 tys.", "20k cheaper") are skipped. The value reads "250 000 zł", "200 000–250 000 zł",
 * "2 500 zł/mies.", "3 000 zł/mies. netto"; without a currency, złoty.
 */
export function extractBudget(text: string, folded = foldInPlace(text)): Entity[] {
  if (!/\d/.test(folded)) return [];
  const found: Entity[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(folded); m; m = AMOUNT.exec(folded)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    if (UNIT_AFTER.test(folded.slice(end, end + 12))) continue;
    if (DIFFERENCE_AFTER.test(folded.slice(end, end + 20))) continue;
    const before = folded.slice(Math.max(0, start - 60), start);
    const money = Boolean(g.cur || g.pre);
    const multiplied = Boolean(g.am || g.m);
    // A bare number with no budget word anywhere near is no amount: skip the costlier checks.
    if (!money && !multiplied && !STRONG_CUE.test(before)) continue;
    if (NOT_A_BUDGET.test(before) || DIFFERENCE_BEFORE.test(before)) continue;
    const cues = CUES_BEFORE.exec(before)?.[0] ?? '';
    const monthly = Boolean(g.mon) || MONTHLY_CUE.test(cues);
    let a = parse(g.a!) * factor(g.am ?? g.m);
    let b = g.b ? parse(g.b) * factor(g.m) : null;
    if (b !== null && (b < a || b > a * 5)) {
      // "2 i 300 tys." is not a range: read again from the second number.
      AMOUNT.lastIndex = m.indices!.groups!.b![0];
      continue;
    }
    if (!money && !multiplied) {
      if (!STRONG_CUE.test(cues)) continue;
      // "budżet 250" means thousands: nobody budgets 250 zł for a car.
      if (!monthly && a >= 30 && a < 1000 && (b === null || b < 1000)) {
        a *= 1000;
        b = b === null ? null : b * 1000;
      }
      if (a < (monthly ? 100 : 1000)) continue;
    } else if (a < 100) continue;
    const currency = currencyOf(g.cur ?? g.pre);
    const amount = b === null ? formatAmount(a) : `${formatAmount(a)}–${formatAmount(b)}`;
    const qualifier = g.q ? (g.q.startsWith('n') ? ' netto' : ' brutto') : '';
    const value = `${amount} ${currency}${monthly ? '/mies.' : ''}${qualifier}`;
    const evidence = text.slice(start - cues.length, end).trim();
    if (!found.some((e) => e.value === value)) found.push({ kind: 'budget', value, evidence: evidence.slice(0, 300) });
  }
  return found;
}
