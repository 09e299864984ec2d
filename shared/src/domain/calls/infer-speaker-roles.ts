import { quoteWords, toWords, type Words } from '../match-terms';
import { isNegatedAt } from '../negation';
import { createTermIndex } from '../term-index';

/** One speaker's turns: a diarized cluster, or a channel whose owner is not known. */
export type SpeakerTrack = { track: string; segments: readonly { startMs: number; text: string }[] };

export type SpeakerRoles = {
  /** The track that is the consultant; null when the cues do not tell (the reviewer labels the call). */
  consultant: string | null;
  /** 0…1; at least ROLE_CONFIDENCE_THRESHOLD when `consultant` is set. */
  confidence: number;
  /** Short Polish phrases for the reviewer: which cue pointed where. */
  reasons: string[];
};

/** Below this confidence the roles are left to the reviewer. */
export const ROLE_CONFIDENCE_THRESHOLD = 0.5;

type Cue = { reason: string; points: number; cap: number; terms: string[] };

/**
 * What each side of a dealership call says (knowledge-pack term syntax: `*` = any ending). Positive
 * points speak for the consultant, negative ones for the client; each term counts once per track
 * and a group stops at `cap`, so a talkative client asking many questions does not outweigh a greeting.
 */
const CUES: Cue[] = [
  {
    reason: 'przedstawia się w imieniu firmy',
    points: 3,
    cap: 3,
    terms: ['z salon*', 'z firm*', 'z dzial*', 'z serwis*', 'nazywam sie', 'z tej strony', 'my name is', 'calling from'],
  },
  {
    reason: 'oferuje pomoc',
    points: 2,
    cap: 2,
    terms: ['w czym moge', 'jak moge pomoc', 'czym moge sluzyc', 'how can i help', 'how may i help'],
  },
  {
    reason: 'zadaje pytania kwalifikujące',
    points: 1,
    cap: 3,
    terms: [
      'co jest dla pan* najwazniejsz*', 'co jest dla pan* wazn*', 'jaki budzet', 'jakim budzetem', 'jaki ma pan* budzet',
      'kiedy planuj*', 'czym pan* obecnie', 'czym pan* jezdzi', 'czy ma pan* garaz', 'what matters most', 'what is your budget',
    ],
  },
  {
    reason: 'proponuje jazdę próbną lub spotkanie',
    points: 1,
    cap: 2,
    terms: ['zaprasza*', 'moge zaproponowac', 'przeslac ofert*', 'przesle ofert*', 'umowmy sie', 'test drive'],
  },
  { reason: 'upewnia się, z kim rozmawia', points: 1, cap: 1, terms: ['czy rozmawiam z', 'am i speaking with'] },
  {
    reason: 'mówi jak klient',
    points: -1,
    cap: -3,
    terms: [
      'dzwonie w sprawie', 'chcial* zapytac', 'interesuje mnie', 'jestem zainteresowan*', 'porozmawiac z mezem',
      'porozmawiac z zona', 'musze sie zastanowic', 'zastanowie sie', 'ile kosztuje', 'i am interested',
    ],
  },
];

type Payload = { cue: number; term: string };
const INDEX = createTermIndex<Payload>(CUES.flatMap((cue, index) => cue.terms.map((term) => ({ term, payload: { cue: index, term } }))));

/** A company name counts as a cue only in a track's first turns: the greeting, not "u was w Tesli taniej". */
const GREETING_TURNS = 2;
const COMPANY_POINTS = 2;
const FIRST_SPEAKER_POINTS = 0.5;
/** How fast confidence grows with the lead of the best track: a lead of 2 points (one company greeting) is 0.5. */
const HALF_CONFIDENCE_LEAD = 2;

type Tally = { track: string; points: number; reasons: string[] };

function tally(track: SpeakerTrack, companyNames: readonly string[], speaksFirst: boolean): Tally {
  const words: Words[] = track.segments.map((segment) => toWords(segment.text));
  const points = CUES.map(() => 0);
  const quotes = CUES.map((): string[] => []);
  const seen = new Set<string>();
  for (const text of words) {
    for (const hit of INDEX.find(text)) {
      const { cue, term } = hit.payload;
      if (seen.has(term) || isNegatedAt(text, hit.start)) continue;
      seen.add(term);
      const { points: each, cap } = CUES[cue]!;
      points[cue] = each > 0 ? Math.min(cap, points[cue]! + each) : Math.max(cap, points[cue]! + each);
      quotes[cue]!.push(quoteWords(text, hit.start, hit.end));
    }
  }
  const reasons = CUES.flatMap((cue, i) => (quotes[i]!.length ? [`${cue.reason} („${quotes[i]!.join('”, „')}”)`] : []));
  let total = points.reduce((sum, p) => sum + p, 0);
  const greeting = words.slice(0, GREETING_TURNS);
  const company = companyNames.find((name) => greeting.some((text) => hasName(text, name)));
  if (company) {
    total += COMPANY_POINTS;
    reasons.unshift(`wymienia nazwę firmy na powitanie („${company}”)`);
  }
  if (speaksFirst) {
    total += FIRST_SPEAKER_POINTS;
    reasons.push('mówi pierwszy');
  }
  return { track: track.track, points: total, reasons };
}

function hasName(text: Words, name: string): boolean {
  const parts = toWords(name).words;
  return parts.length > 0 && text.words.some((_, i) => parts.every((part, j) => text.words[i + j] === part));
}

/**
 * Which speaker of a mono or diarized recording is the consultant (issue 5, "Speakers"), from what
 * they say: a greeting with the company or showroom name and a self-introduction ("tu Marek z
 * salonu…", "w czym mogę pomóc"), qualifying questions ("co jest dla pani najważniejsze", "jaki
 * budżet"), offering a test drive or a meeting, and, weakly, speaking first; a track that talks like
 * a client ("dzwonię w sprawie…") loses points. The track with the most points wins when its lead over
 * the next makes the confidence reach ROLE_CONFIDENCE_THRESHOLD; otherwise (a tie, no cue, a single
 * track) `consultant` is null and the reviewer decides. The LLM may be asked as a second opinion.
 */
export function inferSpeakerRoles(
  tracks: readonly SpeakerTrack[],
  cues: { companyNames?: readonly string[] } = {},
): SpeakerRoles {
  if (tracks.length < 2) {
    return { consultant: null, confidence: 0, reasons: ['jedna ścieżka: obie strony trzeba rozdzielić ręcznie'] };
  }
  const starts = tracks.map((t) => Math.min(...t.segments.map((s) => s.startMs)));
  const earliest = Math.min(...starts);
  const firsts = starts.filter((start) => start === earliest).length;
  const tallies = tracks
    .map((track, i) => tally(track, cues.companyNames ?? [], firsts === 1 && starts[i] === earliest))
    .sort((a, b) => b.points - a.points);
  const [best, next] = [tallies[0]!, tallies[1]!];
  const lead = best.points - next.points;
  const confidence = Math.round((lead / (lead + HALF_CONFIDENCE_LEAD)) * 100) / 100;
  const described = tallies.flatMap((t) => t.reasons.map((reason) => `${t.track}: ${reason}`));
  if (confidence < ROLE_CONFIDENCE_THRESHOLD) {
    const why = lead < 1 ? 'remis: wskazówki nie rozstrzygają, kto jest konsultantem' : 'za mało wskazówek, kto jest konsultantem';
    return { consultant: null, confidence, reasons: [why, ...described] };
  }
  return { consultant: best.track, confidence, reasons: described };
}
