import {
  ARCHETYPE_IDS,
  classifyArchetypes,
  ENTITY_KINDS,
  mergeSessionEntities,
  mergeSessionSignals,
  SIGNAL_IDS,
  type ArchetypeMoves,
  type Suggestion,
} from '@sufler/shared';
import { beforeAll, describe, expect, test } from 'vitest';
import { createMemoryUsageStore } from '../../adapters/ollama/llm-gateway';
import { createBrain, type Brain } from '../../brain';
import { loadEnv } from '../../env';
import { createLogger } from '../../logger';
import { emptyAnalysisState, foldObservation, foldShown, readAnalysisState, unsummarizedLength, type AnalysisState } from './analysis-state';
import type { ObservationTrace } from './analyzer';
import { unsummarizedRecent, viewOfState } from './session-view';

// The folded state must give the shared functions exactly what the whole history gives them (issue 11).

let brain: Brain;
beforeAll(async () => {
  brain = await createBrain(loadEnv({ SUFLER_LLM: 'off' }), { logger: createLogger({ LOG_LEVEL: 'silent' }), usage: createMemoryUsageStore() });
});

const NOTES = [
  'Pan Marek z żoną, dwoje dzieci (3 i 7 lat). Pytali o bezpieczeństwo, isofix i bagażnik na wózek. Budżet do 250 tys. zł.',
  'Obecnie jeździ Skodą Octavią z 2016, chce ją oddać w rozliczeniu. Pyta o ratę leasingu na firmę i odliczenie VAT.',
  'Mówi, że za drogo, w innym salonie dostał większy rabat na BMW i4. Zastanowi się i odezwie.',
  'Interesuje go przyspieszenie 0-100 i moc; chciałby się przejechać w weekend, na razie tylko się rozgląda.',
  'Boi się zasięgu zimą i ładowania w trasie do Zakopanego; ma dom z fotowoltaiką, myśli o wallboxie.',
  'Wife decides; they think it is too expensive, maybe next year. Asked about the warranty on the battery.',
  'Dobrze.',
  'Firma ma flotę 12 aut, chcą wymienić 3 na elektryczne do końca kwartału; decyzja zarządu.',
];

/** A seeded generator, so a failing sequence can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Traces no note makes: strengths that fade to a tie after rounding, the same signal twice in one observation, long gaps. */
function syntheticTrace(next: () => number, i: number): ObservationTrace {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const strengths = [0.3, 0.5, 0.79, 0.8, 0.801, 1];
  const moves = Object.fromEntries(
    ARCHETYPE_IDS.map((id) => [id, next() < 0.2 ? { raw: pick([-1, 0.5, 1, 2, 3]), evidence: [pick(['dzieci (+2)', 'moc (+3)', 'za drogo (-1)', 'VAT (+2)', `słowo ${i % 7} (+1)`])] } : { raw: 0, evidence: [] }]),
  ) as ArchetypeMoves;
  const signals = next() < 0.4 ? Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({ id: pick(SIGNAL_IDS.slice(0, 4)), strength: pick(strengths), evidence: `cytat ${i}` })) : [];
  const entities = next() < 0.3 ? [{ kind: pick(ENTITY_KINDS), value: pick(['250 tys.', 'BMW', 'bmw', 'Skoda', 'Q1']), evidence: `e${i}` }] : [];
  return { moves, signals, entities, modules: next() < 0.5 ? ['family'] : [] };
}

type Sequence = { name: string; traces: (brain: Brain) => { text: string; trace: ObservationTrace }[] };

const SEQUENCES: Sequence[] = [
  { name: '12 notes of a showroom visit', traces: (b) => Array.from({ length: 12 }, (_, i) => NOTES[(i * 3) % NOTES.length]!).map((text) => ({ text, trace: b.analyzer.traceOf(text) })) },
  { name: '120 notes, the same few again and again', traces: (b) => Array.from({ length: 120 }, (_, i) => NOTES[i % 3]!).map((text) => ({ text, trace: b.analyzer.traceOf(text) })) },
  ...[1, 2, 3, 4].map((seed) => ({
    name: `200 synthetic observations (seed ${seed})`,
    traces: () => {
      const next = random(seed);
      return Array.from({ length: 200 }, (_, i) => ({ text: `obserwacja ${i} ${'x'.repeat(Math.floor(next() * 40))}`, trace: syntheticTrace(next, i) }));
    },
  })),
];

const memory = { keyFacts: {}, summary: null, summarizedCount: 0, shownSuggestions: [] };
const noTexts = async () => [];

describe('the folded analysis state', () => {
  test.each(SEQUENCES)('$name: after every observation, the view gives what the whole history gives', ({ traces }) => {
    const history = traces(brain);
    let state = emptyAnalysisState();
    for (const [n, observation] of history.entries()) {
      const view = viewOfState(state, memory, noTexts);
      const earlier = history.slice(0, n);
      const next = observation.trace;
      expect(classifyArchetypes(view.archetypeMoves)).toEqual(classifyArchetypes(earlier.map((h) => h.trace.moves)));
      expect(classifyArchetypes([...view.archetypeMoves, next.moves])).toEqual(classifyArchetypes([...earlier.map((h) => h.trace.moves), next.moves]));
      expect(mergeSessionSignals(view.signals)).toEqual(mergeSessionSignals(earlier.map((h) => h.trace.signals)));
      expect(mergeSessionSignals([...view.signals, next.signals])).toEqual(mergeSessionSignals([...earlier.map((h) => h.trace.signals), next.signals]));
      expect(mergeSessionEntities([view.entities, next.entities])).toEqual(mergeSessionEntities([...earlier.map((h) => h.trace.entities), next.entities]));
      expect(view.recent).toEqual(earlier.slice(-6).map((h) => ({ text: h.text, modules: h.trace.modules })));
      for (const summarizedCount of [0, Math.floor(n / 2), Math.max(0, n - 2), n]) {
        const joined = [...earlier.slice(summarizedCount).map((h) => h.text), observation.text].join('\n');
        expect(unsummarizedLength(state, summarizedCount, observation.text)).toBe(joined.length);
        expect(unsummarizedRecent({ ...view, summarizedCount }).map((h) => h.text)).toEqual(earlier.slice(summarizedCount).slice(-6).map((h) => h.text));
      }
      state = foldObservation(state, { id: `id-${n}`, text: observation.text, trace: next }, 0);
      // What is stored is JSON, encrypted: it must come back as it was.
      expect(readAnalysisState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    }
  });

  test('stays small where it can: signals and evidence bounded, raw moves only where something moved', () => {
    const next = random(9);
    let state = emptyAnalysisState();
    for (let i = 0; i < 500; i++) state = foldObservation(state, { id: `id-${i}`, text: 'x', trace: syntheticTrace(next, i) }, i);
    expect(state.signals.reduce((n, g) => n + g.entries.length, 0)).toBeLessThan(60);
    expect(state.evidence.every((e) => e.length <= 5)).toBe(true);
    expect(state.raws.length).toBeLessThan(500);
    expect(state.lengths).toHaveLength(1); // the summary covered all but the newest
    expect(JSON.stringify(state).length).toBeLessThan(60_000);
  });

  test('shown texts: the last 16 distinct, a text shown long ago not again, as the rows give them', () => {
    const move = (text: string): Suggestion => ({ id: text, kind: 'question', text, rationale: '', basedOn: [] });
    let state = emptyAnalysisState();
    const reference: string[] = [];
    for (let i = 0; i < 40; i++) {
      state = foldObservation(state, { id: `id-${i}`, text: 'x', trace: brain.analyzer.traceOf('x') }, 0);
      const moves = [move(`ruch ${i}`), move(`ruch ${i + 1}`), move('ruch 0')];
      state = foldShown(state, i, `id-${i}`, moves, 'pl');
      for (const m of moves) if (!reference.includes(m.text)) reference.push(m.text);
      expect(state.shownTexts).toEqual(reference.slice(-16));
    }
    expect(state).toMatchObject({ lastLanguage: 'pl', shownAt: 39, shownId: 'id-39' });
  });

  test.each<[string, unknown]>([
    ['nothing stored', null],
    ['an older version', { ...emptyAnalysisState(), version: 0 }],
    ['another shape', { version: 1, count: 'many' }],
  ])('%s reads as no state (then it is rebuilt)', (_case, stored) => {
    expect(readAnalysisState(stored)).toBeNull();
  });

  test('an empty state reads as itself', () => {
    const state: AnalysisState = emptyAnalysisState();
    expect(readAnalysisState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
