type Groups = Record<string, string | undefined>;

/**
 * One way of saying when: alternatives of a pattern over folded text (lower case, no diacritics)
 * and the code it means, fixed or read from the named groups.
 */
export type TimelineRule = { pattern: string[]; value: string | ((g: Groups) => string | null) };

const NUMBER: Record<string, string> = {
  jeden: '1', jedna: '1', a: '1', one: '1', dwa: '2', dwie: '2', two: '2', trzy: '3', three: '3', cztery: '4',
  four: '4', piec: '5', five: '5', szesc: '6', six: '6', kilka: 'few', pare: 'few', kilkanascie: 'few',
  few: 'few', 'a few': 'few', 'a couple of': '2', 'a couple': '2', 'couple of': '2',
};
const unit = (u: string) => (/^(?:ty|we)/.test(u) ? 'weeks' : /^(?:mi|mo)/.test(u) ? 'months' : 'years');

const SEASON: Record<string, string> = {
  zima: 'winter', zime: 'winter', winter: 'winter', latem: 'summer', lato: 'summer', summer: 'summer',
  wiosna: 'spring', wiosne: 'spring', spring: 'spring', jesienia: 'autumn', jesien: 'autumn', autumn: 'autumn',
  fall: 'autumn', wakacjami: 'summer_holidays', wakacje: 'summer_holidays', swietami: 'holidays', swieta: 'holidays',
  holidays: 'holidays', christmas: 'holidays',
};

const PL_MONTHS: [string, string][] = [
  ['styczen|styczni[au]|styczniem', 'january'], ['luty|lutego|lutym', 'february'], ['marzec|marc(?:a|u|em)', 'march'],
  ['kwiecien|kwietni(?:a|u|em)', 'april'], ['maj|maj(?:a|u|em)', 'may'], ['czerwiec|czerwc(?:a|u|em)', 'june'],
  ['lipiec|lipc(?:a|u|em)', 'july'], ['sierpien|sierpni(?:a|u|em)', 'august'], ['wrzesien|wrzesni(?:a|u|em)', 'september'],
  ['pazdziernik(?:a|u|iem)?', 'october'], ['listopad(?:a|zie|em)?', 'november'], ['grudzien|grudni(?:a|u|em)', 'december'],
];
const EN_MONTHS = 'january|february|march|april|may|june|july|august|september|sept|october|november|december';
const PL_MONTH_WORDS = PL_MONTHS.map(([forms, name]) => [new RegExp(`^(?:${forms})$`), name] as const);
const monthOf = (word: string): string =>
  PL_MONTH_WORDS.find(([forms]) => forms.test(word))?.[1] ?? (word === 'sept' ? 'september' : word);
/** "do marca" is a deadline, "od marca" a start, "w marcu" a time. */
const monthValue = (prep: string, month: string): string =>
  /^(?:do|przed|koniec|koncem|pod koniec|do konca|z koncem|by|until|till|before|end of)$/.test(prep)
    ? `by_${monthOf(month)}`
    : /^(?:po|after)$/.test(prep)
      ? `after_${monthOf(month)}`
      : /^(?:od|from)$/.test(prep)
        ? `from_${monthOf(month)}`
        : `in_${monthOf(month)}`;

// Alternatives of each rule, on folded text; where two rules start at the same word, the first listed wins.
const PL_MONTH_FORMS = PL_MONTHS.map(([forms]) => forms).join('|');
export const TIMELINE_RULES: TimelineRule[] = [
  {
    pattern: [
      'jak najszybciej|jak najpredzej|natychmiast\\w*|od reki|na wczoraj|pilnie|pilne',
      'asap|as soon as possible|right away|immediately|urgent(?:ly)?',
    ],
    value: 'asap',
  },
  {
    pattern: [
      'w tym tygodniu|do konca (?:tego )?tygodnia|w ciagu tygodnia',
      '(?:by |until |before )?(?:the )?end of (?:the |this )week|this week|within a week',
    ],
    value: 'this_week',
  },
  { pattern: ['w (?:przyszlym|nastepnym) tygodniu|za tydzien', 'next week|in a week'], value: 'next_week' },
  {
    pattern: [
      '(?:do|na|pod|przed) (?:konca|koniec|koncem) (?:tego |biezacego )?miesiaca|koniec miesiaca',
      '(?:by |until |before )?(?:the )?end of (?:the |this )month',
    ],
    value: 'end_of_month',
  },
  { pattern: ['w (?:tym|biezacym) miesiacu|w ciagu miesiaca', 'this month|within a month'], value: 'this_month' },
  { pattern: ['w (?:przyszlym|nastepnym|kolejnym) miesiacu|za miesiac', 'next month|in a month'], value: 'next_month' },
  { pattern: ['za pol roku|w ciagu pol roku', '(?:in|within) (?:half a year|six months|6 months)'], value: 'in_6_months' },
  {
    pattern: [
      '(?:za|w ciagu) (?<n>\\d{1,2}|dwa|dwie|trzy|cztery|piec|szesc|kilka|pare|kilkanascie) (?<u>tygodni\\w*|tydzien|miesiac\\w*|miesiecy|lat|lata)',
      '(?:in|within) (?<n2>\\d{1,2}|two|three|four|five|six|a few|few|a couple of|a couple|couple of) (?<u2>weeks?|months?|years?)',
    ],
    value: (g) => `in_${NUMBER[g.n ?? g.n2 ?? ''] ?? g.n ?? g.n2}_${unit(g.u ?? g.u2 ?? '')}`,
  },
  {
    pattern: [
      '(?:do|na|pod|przed) (?:konca|koniec|koncem) (?:tego )?roku|koniec roku',
      '(?:by |until |before )?(?:the )?end of (?:the |this )year',
    ],
    value: 'end_of_year',
  },
  { pattern: ['w (?:tym|biezacym) roku', 'this year'], value: 'this_year' },
  { pattern: ['w (?:przyszlym|nastepnym|kolejnym) roku|na przyszly rok|za rok', 'next year|in a year'], value: 'next_year' },
  {
    pattern: [
      '(?:przed|na) (?<s>zima|zime|latem|lato|wiosna|wiosne|jesienia|jesien|wakacjami|wakacje|swietami|swieta)',
      '(?:before|by|for) (?:the )?(?<s2>winter|summer|spring|autumn|fall|holidays|christmas)',
    ],
    value: (g) => `before_${SEASON[g.s ?? g.s2 ?? '']}`,
  },
  {
    pattern: [
      `(?<p>w|we|do|od|po|na|przed|pod koniec|do konca|z koncem|koniec|koncem|na poczatku|poczatek|w polowie|polowa) (?<mo>${PL_MONTH_FORMS})`,
    ],
    value: (g) => monthValue(g.p!, g.mo!),
  },
  {
    pattern: [`(?<p2>in|by|until|till|before|after|from|end of|early|mid|late|beginning of|start of|around|next|this) (?<mo2>${EN_MONTHS})`],
    value: (g) => monthValue(g.p2!, g.mo2!),
  },
  {
    pattern: ['wkrotce|niedlugo|w najblizszym czasie|w najblizszych dniach', 'soon|shortly|in the coming days'],
    value: 'soon',
  },
  {
    pattern: [
      '(?:konczy|skonczy|wygasa)\\w* (?:mu |jej |im )?(?:sie )?(?:leasing|umowa|najem)\\w*',
      '(?:leasing|umowa|najem)\\w* (?:mu |jej |im )?(?:sie )?(?:konczy|skonczy|wygasa)\\w*(?: (?:mu|jej|im))?(?: sie)?',
      'lease (?:ends|expires|is ending|runs out)|(?:end|expiry) of (?:his|her|the|their) lease',
    ],
    value: 'lease_ending',
  },
  {
    pattern: [
      'nie (?:ma |musi )?(?:sie )?spiesz\\w*(?: (?:mu|jej|im))?(?: sie)?|nie ma pospiechu|bez pospiechu|nie pali sie',
      'no rush|no hurry|not in a hurry|in no hurry',
    ],
    value: 'no_rush',
  },
];

