import type { Entity, Sentiment, Signal } from '../schemas/analysis';
import type { SignalLexicon } from '../schemas/knowledge-pack';
import { SIGNAL_IDS, type SignalId } from '../schemas/vocabulary';
import { isTradeInCar } from './extract-cars';
import { isDistantTimeline, isNearTermTimeline } from './extract-timeline';
import { quoteWords, type Words } from './match-terms';
import { isNegatedAt, isNegator } from './negation';
import { createTermIndex, type TermHit, type TermIndex } from './term-index';

type Term = { id: SignalId; strength: number };
const compiled = new WeakMap<SignalLexicon, TermIndex<Term>>();

function indexOf(lexicon: SignalLexicon): TermIndex<Term> {
  let index = compiled.get(lexicon);
  if (!index) {
    index = createTermIndex(
      lexicon.flatMap(({ id, terms }) => terms.map(({ term, strength }) => ({ term, payload: { id, strength } }))),
    );
    compiled.set(lexicon, index);
  }
  return index;
}

const MAX_EVIDENCE = 300;
const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
/** Independent pieces of evidence add up without passing 1: 0.6 and 0.5 make 0.8. */
const combine = (strengths: number[]) => 1 - strengths.reduce((rest, s) => rest * (1 - s), 1);
/** Unique quotes in order; a quote inside a longer one gives way to it ("next year" → "maybe next year"). */
function joinEvidence(parts: string[]): string {
  const quotes = parts.filter(Boolean);
  const lower = quotes.map((q) => q.toLowerCase());
  const widened = quotes.map((q, i) => {
    const wider = lower.findIndex((other) => other.length > lower[i]!.length && other.includes(lower[i]!));
    return wider >= 0 ? quotes[wider]! : q;
  });
  return [...new Set(widened)].join(', ').slice(0, MAX_EVIDENCE);
}

const CHILDREN = /^(?:children|child_age|family_size|baby_on_the_way)/;

/** Signals that follow from the extracted facts and the mood, with the strength each gives. */
function derived(entities: Entity[], sentiment: Sentiment & { evidence?: readonly string[] }): [SignalId, number, string][] {
  const out: [SignalId, number, string][] = [];
  for (const e of entities) {
    if (e.kind === 'budget') {
      out.push(['budget_stated', 0.8, e.evidence]);
      // A monthly rate is a financing question.
      if (e.value.includes('/mies.')) out.push(['financing_interest', 0.5, e.evidence]);
    }
    if (e.kind === 'business_use') out.push(['business_use', 0.7, e.evidence]);
    if (e.kind === 'family' && CHILDREN.test(e.value)) out.push(['family_needs', 0.6, e.evidence]);
    if (e.kind === 'timeline' && isNearTermTimeline(e.value)) {
      out.push(['urgency', e.value === 'asap' ? 0.85 : 0.7, e.evidence]);
    }
    if (e.kind === 'timeline' && isDistantTimeline(e.value)) out.push(['delay', 0.4, e.evidence]);
    if (e.kind === 'competitor') out.push(['competitor_comparison', 0.6, e.evidence]);
    if (isTradeInCar(e)) out.push(['trade_in', 0.8, e.evidence]);
  }
  const mood = { positive: 'positive_emotion', negative: 'negative_emotion', neutral: null } as const;
  const id = mood[sentiment.label];
  if (id) out.push([id, Math.abs(sentiment.score), (sentiment.evidence ?? []).join(', ')]);
  return out;
}

/** Whether a hit lies inside one of the character ranges. */
const within = (ranges: [number, number][], words: Words, hit: TermHit<Term>) =>
  ranges.some(([from, to]) => words.spans[hit.start]![0] >= from && words.spans[hit.end - 1]![1] <= to);

/** Where in the text the client's own car is named (its evidence), as character ranges. */
function ownCarSpans(words: Words, entities: Entity[]): [number, number][] {
  return entities.flatMap((e): [number, number][] => {
    const at = e.kind === 'current_car' ? words.text.indexOf(e.evidence) : -1;
    return at >= 0 ? [[at, at + e.evidence.length]] : [];
  });
}

type Kept = { strength: number; quote: string; start: number };

/** Per signal, the hits that do not overlap one another, strongest first: "jazdę próbną" counts once. */
function distinctHits(hits: TermHit<Term>[], words: Words): Map<SignalId, Kept[]> {
  const bySignal = new Map<SignalId, TermHit<Term>[]>();
  for (const hit of hits) {
    const list = bySignal.get(hit.payload.id);
    if (list) list.push(hit);
    else bySignal.set(hit.payload.id, [hit]);
  }
  const result = new Map<SignalId, Kept[]>();
  for (const [id, list] of bySignal) {
    const kept: TermHit<Term>[] = [];
    const phrases = new Set<string>();
    for (const hit of list.sort((a, b) => b.payload.strength - a.payload.strength || b.end - b.start - (a.end - a.start))) {
      if (kept.some((k) => hit.start < k.end && k.start < hit.end)) continue;
      // The same words said twice are one piece of evidence: "za drogo, drogo!".
      const phrase = ` ${words.words.slice(hit.start, hit.end).join(' ')} `;
      if ([...phrases].some((p) => p.includes(phrase))) continue;
      phrases.add(phrase);
      kept.push(hit);
    }
    result.set(
      id,
      kept.map((hit): Kept => ({ strength: hit.payload.strength, quote: quoteWords(words, hit.start, hit.end), start: hit.start })),
    );
  }
  return result;
}

/**
 * Reads the qualitative signals (`SIGNAL_IDS`) of one observation the deterministic way, for rules
 * mode. Each signal's terms from the pack lexicon are looked for in any inflected form; a term
 * right after a negation ("nie chce jazdy próbnej", "not interested in a test drive") does not
 * count; several different terms add up (1 − Π(1 − sᵢ)), so the strongest sets the floor and more
 * evidence raises it towards 1. The extracted facts add what they imply: a budget → `budget_stated`
 * (a monthly rate also `financing_interest`), business use, children → `family_needs`, a near
 * deadline → `urgency` (a far one → `delay`), a competitor, a traded-in car → `trade_in`, and
 * the mood → `positive_emotion`/`negative_emotion` at |score|. Evidence quotes the client's words.
 * Strongest first.
 */
export function detectSignals(
  words: Words,
  lexicon: SignalLexicon,
  entities: Entity[],
  sentiment: Sentiment & { evidence?: readonly string[] },
): Signal[] {
  const ownCars = ownCarSpans(words, entities);
  const hits = indexOf(lexicon)
    .find(words)
    // A term that is itself negative ("nie ma czasu") keeps its meaning after another negation:
    // Polish doubles them ("nigdy nie ma czasu").
    .filter((hit) => isNegator(words, hit.start) || !isNegatedAt(words, hit.start))
    // "jeździ Audi" names the client's own car, not a competitor, whatever the lexicon says of "Audi".
    .filter((hit) => hit.payload.id !== 'competitor_comparison' || !within(ownCars, words, hit));
  const signals = new Map<SignalId, { strength: number; evidence: string[] }>();
  for (const [id, kept] of distinctHits(hits, words)) {
    const inOrder = [...kept].sort((a, b) => a.start - b.start);
    signals.set(id, { strength: combine(kept.map((k) => k.strength)), evidence: inOrder.map((k) => k.quote) });
  }
  for (const [id, strength, evidence] of derived(entities, sentiment)) {
    const current = signals.get(id);
    if (!current) signals.set(id, { strength, evidence: [evidence] });
    else {
      // The same words often feed both the lexicon and the fact: take the larger, do not add.
      // A budget the lexicon already saw keeps its strength and gains the amount as evidence.
      if (id !== 'budget_stated') current.strength = Math.max(current.strength, strength);
      current.evidence.push(evidence);
    }
  }
  return [...signals.entries()]
    .map(([id, s]): Signal => ({ id, strength: round(s.strength), evidence: joinEvidence(s.evidence) }))
    .filter((s) => s.strength > 0)
    .sort((a, b) => b.strength - a.strength || SIGNAL_IDS.indexOf(a.id) - SIGNAL_IDS.indexOf(b.id));
}
