// Cues that tell whose car a note names: the client's own (driven, owned, handed in) or an
// alternative they weigh. All run on folded text (lower case, no diacritics).

/** Words that make the next car the client's own, and how many words back they reach. */
export const CURRENT_CUES = cues([
  [
    6,
    `jezdzi jezdzil jezdzila jezdzili jezdze jezdzimy jezdza posiada posiadam posiadaja posiadal
     posiadala`,
  ],
  [3, 'ma mam maja mamy mial miala mieli has have had'],
  [5, 'obecnie aktualnie dotychczas dotad teraz drives drove driving owns own owned current currently'],
  [
    4,
    `obecny obecne obecna obecnego obecnym obecnej aktualny aktualne aktualnego stary stare starego
     starym stara starej swoj swoje swojego swoim swoja swojej old older`,
  ],
  [
    4,
    `oddac odda oddaje oddania oddanie zamienic zamieni zamienia wymienic wymieni wymienia sprzedac
     sprzeda sprzedaje odkupic odkup rozliczenie`,
  ],
  [
    4,
    `przesiada przesiadl przesiadla przesiasc przesiadka trade trading traded sell selling swap swapping
     replace replacing switching upgrading`,
  ],
  [1, 'his her their my our jego jej ich'],
]);
/** Words that make the next car an alternative the client weighs; "na", "to", "for" only right before it. */
export const COMPETITOR_CUES = cues([
  [
    6,
    `pytal pytala pyta pytali zapytal zapytala dopytywal porownuje porownywal porownuja porownac
     porownanie porownania porownaniu rozwaza rozwazal rozwazaja rozwazyc oglada ogladal ogladali`,
  ],
  [
    6,
    `oferta oferte oferty ofercie konkurencja konkurencji vs versus albo lub czy zamiast niz tansze
     tanszy tansza drozsze lepsze lepszy woli wola lubi podoba podobalo podobal`,
  ],
  [
    6,
    `chce chcialby chcialaby chcial mysli interesuje zainteresowany testowal testuje jazda jazde jazdy
     probna probnej salon salonie dealer dealera wybiera kupic kupi`,
  ],
  [
    6,
    `asked asks ask compare compares compared comparing considering considers consider looking looked
     likes liked prefers prefer wants want offer offered quote quoted or instead than cheaper better
     alternative test tested interested saw visited buy buying`,
  ],
  [1, 'na to into for u'],
]);
export const CONJUNCTIONS = new Set(['i', 'oraz', 'and', 'a', 'lub', 'or']);
/**
 * Words between a driving cue and the car that make it someone else's car, not the client's own:
 * "jeździ służbowym Audi", "drives his friend's Tesla", "a borrowed BMW". Such a car is no current car.
 */
export const OTHERS_BEFORE = new Set(
  `sluzbowy sluzbowe sluzbowa sluzbowym sluzbowego sluzbowej sluzbowka sluzbowke pozyczony pozyczone
   pozyczona pozyczonym pozyczonej wypozyczony wypozyczone wypozyczona wypozyczonym wypozyczonej cudzy cudze cudza
   cudzym cudzej zastepczy zastepcze zastepcza zastepczym zastepczej friend friends colleague colleagues coworker
   coworkers brother sister neighbour neighbor neighbours neighbors dad father mother mom mum boss cousin uncle
   company borrowed rented rental loaner courtesy`
    .trim()
    .split(/\s+/),
);
/** Words between a driving cue and the car that make it a test ride: "jeździł próbnie BMW", "test-drove an Audi". */
export const TEST_RIDE_BEFORE = new Set(['probnie', 'testowo', 'testowym', 'testowa', 'demo', 'demonstracyjnym', 'test']);

function cues(groups: [number, string][]): Map<string, number> {
  return new Map(groups.flatMap(([reach, words]) => words.trim().split(/\s+/).map((w): [string, number] => [w, reach])));
}

/** Right after the car: a relative clause or a trade-in phrase that makes it the client's own. */
export const OWN_AFTER = new RegExp(
  String.raw`[\s,(]*(?:(?:z|from|rocznik)\s+)?(?:\d{4}\s*(?:r\.?|rok\w*)?\)?[\s,]*)?(?:` +
    [
      String.raw`ktor\w+ (?:obecnie |teraz |aktualnie )?(?:jezdzi|ma|posiada)\w*`,
      String.raw`w rozliczeni\w*|do rozliczenia|do oddania|do odkupu|na odkup|jako (?:wklad|rozliczenie)`,
      String.raw`(?:which|that) (?:he|she|they) (?:drives|owns|has|currently)|(?:he|she|they) (?:drives|owns)`,
      String.raw`as (?:a |the )?trade-?in|to trade(?: it)? in|for (?:a )?trade-?in`,
    ].join('|') +
    ')',
  'y',
);
/**
 * Right after the car: whose it is when it is someone else's ("Teslą kolegi", "BMW of a friend"),
 * or a test ride ("Audi na jeździe próbnej", "a Tesla on a test drive"). `owner` is set for the former.
 */
export const NOT_OWN_AFTER = new RegExp(
  String.raw`[\s,(]*(?:` +
    String.raw`(?<owner>(?:(?:swojego|swojej|jego|jej|ich)\s+)?(?:kolegi|kolezanki|znajom(?:ego|ej|ych)|przyjaciel(?:a|owki)?|przyjaciolki|` +
    String.raw`brata|siostry|szwagra|szwagierki|sasiad(?:a|ki|ow)|ojca|taty|matki|tescia|tesciowej|kuzyn(?:a|ki)|wujka|cioci|szefa|` +
    String.raw`szefowej|partnera|partnerki|pracodawcy)|(?:of|belonging to|borrowed from) (?:a |an |the |his |her |their |my |our )?` +
    String.raw`(?:friend|colleague|coworker|brother|sister|neighbou?r|dad|father|mother|boss|cousin|uncle)s?|` +
    String.raw`sluzbow\w*|z wypozyczalni|wypozyczon\w*|pozyczon\w*|zastepcz\w*)` +
    String.raw`|(?:na|podczas|w czasie|w ramach) (?:jazd[aeyz]\w*|jezdzi\w*) probn\w*|na probe|testowo|probnie` +
    String.raw`|(?:on|for|during) (?:a |the )?test[- ]?drives?|for a test)(?![a-z])`,
  'y',
);
/** Handing the current car in: "w rozliczeniu", "chce oddać", "odkup", "trade-in", "part-exchange". */
export const TRADE_IN = new RegExp(
  '(?<![a-z])(?:' +
    [
      String.raw`w rozliczeni\w*|do rozliczenia|odkup\w*|do oddania|odda(?:c|m|my|je|ja|nie|nia|niu|niem|wac|wanie)?`,
      String.raw`zamian[aeyi]|zamieni\w*`,
      String.raw`trade[- ]?ins?|trade (?:it|his|her|their|the|my|our)(?: [a-z0-9]+){0,3} in|traded in|trading in|part[- ]ex\w*`,
    ].join('|') +
    ')(?![a-z])',
  'g',
);
/** A negation shortly before a trade-in phrase: "nie chce oddawać auta w rozliczeniu". */
export const NEGATED_BEFORE = /(?:^|[^a-z])(?:nie|not|no|bez|without|dont|don't|doesnt|doesn't)(?:\s+[a-z']+){0,3}\s*$/;
