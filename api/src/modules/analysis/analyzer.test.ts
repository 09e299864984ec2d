import { ARCHETYPE_IDS, SCORE_IDS, type Analysis, type ArchetypeId, type EntityKind, type ModuleId, type Scores, type SignalId } from '@sufler/shared';
import { beforeAll, describe, expect, test } from 'vitest';
import { createMemoryUsageStore } from '../../adapters/ollama/llm-gateway';
import { createBrain, type Brain } from '../../brain';
import { loadEnv } from '../../env';
import { createLogger } from '../../logger';
import type { PipelineEvent, SessionState } from './analyzer';

// Rules mode on the real knowledge pack: what a sales manager would expect the co-pilot to make of
// notes a salesperson actually types, with and without Polish letters, and in English.

let brain: Brain;
beforeAll(async () => {
  brain = await createBrain(loadEnv({ SUFLER_LLM: 'off' }), { logger: createLogger({ LOG_LEVEL: 'silent' }), usage: createMemoryUsageStore() });
});

const emptySession = (): SessionState => ({ history: [], keyFacts: {}, summary: null, shown: new Set(), shownTexts: [] });

async function observe(text: string, state: SessionState = emptySession()) {
  const events: PipelineEvent[] = [];
  for await (const event of brain.analyzer.observe(text, state)) events.push(event);
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error(`the pipeline ended without done: ${events.map((e) => e.type).join(', ')}`);
  return { events, analysis: done.analysis, trace: done.trace };
}

/** The session after an observation, as the service rebuilds it: its trace kept, its moves shown. */
function remember(state: SessionState, text: string, done: Awaited<ReturnType<typeof observe>>): SessionState {
  return {
    ...state,
    history: [...state.history, { text, trace: done.trace }],
    shown: new Set([...state.shown, ...done.analysis.suggestions.map((s) => s.id)]),
    shownTexts: [...state.shownTexts, ...done.analysis.suggestions.map((s) => s.text)],
  };
}

const score = (scores: Scores, id: keyof Scores) => scores[id].value;
const stripDiacritics = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');

type Row = {
  name: string;
  note: string;
  language: 'pl' | 'en';
  leader: ArchetypeId;
  modules?: ModuleId[];
  signals?: SignalId[];
  entities?: EntityKind[];
  /** Further expectations of a sales manager on this note. */
  check?: (analysis: Analysis, base: Record<keyof Scores, number>) => void;
};

const FAMILY = 'Pan Marek z żoną i dwójką dzieci (3 i 7 lat) pytali o isofix, bezpieczeństwo w testach Euro NCAP i czy wózek zmieści się w bagażniku.';
const PERFORMANCE = 'Interesuje go tylko 0-100 i moc, chce się przejechać w weekend.';
const PERFORMANCE_STRONG = 'Pyta głównie o przyspieszenie do setki, ile koni mechanicznych i moment obrotowy, chce sprawdzić launch control na torze.';

const ROWS: Row[] = [
  {
    name: 'a family with children asking about isofix and safety',
    note: FAMILY,
    language: 'pl',
    leader: 'family_guardian',
    modules: ['family'],
    signals: ['family_needs'],
    entities: ['family'],
    check: (a) => expect(a.suggestions.some((s) => /fotelik|dzieci/i.test(s.text))).toBe(true),
  },
  {
    name: 'a family note typed without Polish letters',
    note: 'Klientka ma troje dzieci, pyta o foteliki isofix i czy auto jest bezpieczne, bagaznik musi pomiescic wozek.',
    language: 'pl',
    leader: 'family_guardian',
    modules: ['family'],
    signals: ['family_needs'],
    entities: ['family'],
  },
  {
    name: 'only 0-100 and power, wants a ride at the weekend (fun-drive risk)',
    note: PERFORMANCE,
    language: 'pl',
    leader: 'performance_enthusiast',
    modules: ['performance'],
    signals: ['free_ride_intent'],
    check: (a, base) => {
      expect(score(a.scores, 'funDriveRisk')).toBeGreaterThan(score(a.scores, 'readiness'));
      expect(score(a.scores, 'funDriveRisk')).toBeGreaterThan(base.funDriveRisk);
      expect(a.scores.funDriveRisk.rules.map((r) => r.id)).toContain('fun_free_ride');
    },
  },
  {
    name: 'acceleration, horsepower and a track, without Polish letters',
    note: 'Pyta ile ma koni mechanicznych i jakie jest przyspieszenie do setki, chcialby sprawdzic launch control na torze.',
    language: 'pl',
    leader: 'performance_enthusiast',
    modules: ['performance'],
  },
  {
    name: 'a company fleet with VAT and an operating lease',
    note: 'Firma, flota 5 aut, pytają o odliczenie VAT i leasing operacyjny, samochód służbowy dla handlowców.',
    language: 'pl',
    leader: 'pragmatic_analyst',
    modules: ['company_fleet'],
    signals: ['business_use', 'high_value'],
    entities: ['business_use'],
    check: (a, base) => {
      expect(score(a.scores, 'potential')).toBeGreaterThan(base.potential);
      expect(score(a.scores, 'funDriveRisk')).toBeLessThan(base.funDriveRisk);
      expect(a.suggestions.some((s) => s.basedOn.includes('module:company_fleet'))).toBe(true);
    },
  },
  {
    name: 'company cars, VAT and depreciation, without Polish letters',
    note: 'Spolka szuka aut sluzbowych dla handlowcow: leasing, odliczenie VAT, amortyzacja, w sumie flota 10 samochodow.',
    language: 'pl',
    leader: 'pragmatic_analyst',
    modules: ['company_fleet'],
    signals: ['business_use'],
    entities: ['business_use'],
  },
  {
    name: 'haggling: too expensive, a bigger discount elsewhere, free winter tyres',
    note: 'Mówi, że za drogo, w innym salonie dostał większy rabat, pyta czy dorzucimy zimówki gratis.',
    language: 'pl',
    leader: 'bargain_hunter',
    signals: ['price_objection', 'competitor_comparison'],
    check: (a, base) => {
      expect(score(a.scores, 'lossRisk')).toBeGreaterThan(base.lossRisk);
      expect(a.scores.lossRisk.rules.map((r) => r.id)).toContain('loss_price_objection');
      // The objection is answered first, and with the price answer.
      expect(a.suggestions[0]).toMatchObject({ kind: 'objection_handling', basedOn: expect.arrayContaining(['signal:price_objection']) });
    },
  },
  {
    name: 'a competitor said to be cheaper',
    note: 'Mówi, że BYD jest tańszy o 20 tys., szuka promocji.',
    language: 'pl',
    leader: 'bargain_hunter',
    signals: ['price_objection', 'competitor_comparison'],
    // Answered first, as the competitor's lower price it is.
    check: (a) => expect(a.suggestions[0]).toMatchObject({ kind: 'objection_handling', basedOn: expect.arrayContaining(['signal:price_objection', 'signal:competitor_comparison']) }),
  },
  {
    name: 'haggling without Polish letters',
    note: 'Klient twierdzi ze za drogo, chce rabatu i pyta o najtansza wersje, szuka promocji.',
    language: 'pl',
    leader: 'bargain_hunter',
    signals: ['price_objection'],
    check: (a, base) => expect(score(a.scores, 'lossRisk')).toBeGreaterThan(base.lossRisk),
  },
  {
    name: 'OTA updates, the autopilot and the app',
    note: 'Pyta o aktualizacje OTA, autopilota, aplikację w telefonie i czy auto ma najnowszy procesor.',
    language: 'pl',
    leader: 'tech_pioneer',
    modules: ['technology'],
  },
  {
    name: 'solar panels and zero emissions',
    note: 'Ma fotowoltaikę na dachu i chce jeździć ekologicznie, zero emisji, liczy się dla niego ślad węglowy.',
    language: 'pl',
    leader: 'eco_enthusiast',
    modules: ['home_energy'],
    signals: ['home_charging'],
  },
  {
    name: 'a lifelong BMW driver who expects premium service',
    note: 'Od 15 lat jeździ wyłącznie BMW, zawsze serwis w ASO, oczekuje obsługi premium i prestiżu marki.',
    language: 'pl',
    leader: 'premium_loyalist',
    entities: ['current_car'],
  },
  {
    name: 'battery degradation, fires and winter range worries',
    note: 'Boi się degradacji baterii i awarii, słyszał o pożarach elektryków; zimą na mrozie zasięg podobno spada o połowę.',
    language: 'pl',
    leader: 'technical_sceptic',
    modules: ['range_winter'],
    signals: ['technical_doubt'],
    check: (a, base) => expect(score(a.scores, 'lossRisk')).toBeGreaterThan(base.lossRisk),
  },
  {
    name: 'an English family note with a budget',
    note: 'The client has two kids and asks about safety, isofix and boot space; budget around 200 thousand.',
    language: 'en',
    leader: 'family_guardian',
    modules: ['family'],
    signals: ['family_needs', 'budget_stated'],
    entities: ['budget'],
  },
  {
    name: 'an English price objection that postpones',
    note: "He says it's too expensive, another dealer offered a bigger discount on the Model 3, he'll think about it.",
    language: 'en',
    leader: 'bargain_hunter',
    signals: ['price_objection', 'delay'],
    check: (a, base) => {
      expect(score(a.scores, 'lossRisk')).toBeGreaterThan(base.lossRisk);
      expect(score(a.scores, 'readiness')).toBeLessThan(base.readiness);
    },
  },
  {
    name: 'an English tech note asking for a test drive next week',
    note: 'Interested in over-the-air updates, the autopilot and the app; wants the newest software and a test drive next week.',
    language: 'en',
    leader: 'tech_pioneer',
    signals: ['test_drive_request'],
    entities: ['timeline'],
    check: (a, base) => expect(score(a.scores, 'readiness')).toBeGreaterThan(base.readiness),
  },
];

describe('analyzer in rules mode (SUFLER_LLM=off) on realistic notes', () => {
  test.each(ROWS)('$name', async (row) => {
    const { events, analysis } = await observe(row.note);
    const base = brain.analyzer.pack.scoring.base;

    // What a sales manager expects of this note.
    expect(analysis.language).toBe(row.language);
    expect(analysis.archetypes[0]!.id).toBe(row.leader);
    expect(analysis.archetypes[0]!.probability).toBeGreaterThan(analysis.archetypes[1]!.probability);
    expect(analysis.archetypes[0]!.evidence.length).toBeGreaterThan(0);
    expect(analysis.modules).toEqual(expect.arrayContaining(row.modules ?? []));
    expect(analysis.signals.map((s) => s.id)).toEqual(expect.arrayContaining(row.signals ?? []));
    expect(analysis.entities.map((e) => e.kind)).toEqual(expect.arrayContaining(row.entities ?? []));
    row.check?.(analysis, base);

    // The stages, in order, one suggestion at a time.
    expect(events.map((e) => e.type)).toEqual(['signals', 'archetypes', 'scores', 'suggestion', 'suggestion', 'suggestion', 'suggestion', 'done']);
    const streamed = events.flatMap((e) => (e.type === 'suggestion' ? [e] : []));
    expect(streamed.map((e) => e.index)).toEqual([0, 1, 2, 3]);
    expect(streamed.map((e) => e.suggestion)).toEqual(analysis.suggestions);

    // Four distinct next moves in the note's language, each with a reason.
    expect(analysis.suggestions).toHaveLength(4);
    expect(new Set(analysis.suggestions.map((s) => s.id)).size).toBe(4);
    for (const s of analysis.suggestions) {
      expect(s.text.trim().length).toBeGreaterThan(10);
      expect(s.rationale.length).toBeGreaterThan(0);
      expect(s.basedOn.length).toBeGreaterThan(0);
    }
    if (row.language === 'en') {
      for (const s of analysis.suggestions) {
        expect(s.text).not.toMatch(/[ąćęłńóśźż]|\b(się|jest|Pan|Pani)\b/i);
        expect(s.id).not.toMatch(/^st:/); // module strategies are written in Polish only
      }
    }

    // All ten archetypes, a probability distribution.
    expect(analysis.archetypes.map((a) => a.id).sort()).toEqual([...ARCHETYPE_IDS].sort());
    expect(analysis.archetypes.reduce((sum, a) => sum + a.probability, 0)).toBeCloseTo(1, 2);

    // Four 0–100 scores, each explained by the rules that moved it off the pack's base.
    for (const id of SCORE_IDS) {
      const { value, rules } = analysis.scores[id];
      expect(Number.isInteger(value) && value >= 0 && value <= 100).toBe(true);
      for (const rule of rules) expect(rule).toMatchObject({ id: expect.any(String), label: expect.stringMatching(/\S/), points: expect.any(Number) });
      const total = base[id] + rules.reduce((sum, r) => sum + r.points, 0);
      expect(value).toBe(Math.min(100, Math.max(0, Math.round(total))));
    }

    // Rules mode, and it says why.
    expect(analysis).toMatchObject({ mode: 'rules', model: null });
    expect(analysis.producedBy.analysis).toEqual({ mode: 'rules', model: null, reason: expect.stringMatching(/SUFLER_LLM=off/) });
    expect(analysis.producedBy.suggestions).toEqual({ mode: 'rules', model: null, reason: expect.stringMatching(/SUFLER_LLM=off/) });
  });

  test.each(ROWS.filter((r) => r.language === 'pl' && stripDiacritics(r.note) !== r.note))(
    'reads "$name" the same when typed without Polish letters',
    async (row) => {
      const [written, plain] = [await observe(row.note), await observe(stripDiacritics(row.note))];
      expect(plain.analysis.language).toBe('pl');
      expect(plain.analysis.archetypes.map((a) => a.id)).toEqual(written.analysis.archetypes.map((a) => a.id));
      expect(plain.analysis.signals.map((s) => s.id).sort()).toEqual(written.analysis.signals.map((s) => s.id).sort());
      expect(plain.analysis.modules.sort()).toEqual(written.analysis.modules.sort());
      for (const id of SCORE_IDS) expect(plain.analysis.scores[id].value).toBe(written.analysis.scores[id].value);
    },
  );
});

describe('analyzer across a session (rules mode)', () => {
  test('a family, then two strong performance notes: the leader changes, and says why', async () => {
    let state = emptySession();
    const leaders: ArchetypeId[] = [];
    const changes: Analysis['leaderChange'][] = [];
    for (const note of [FAMILY, PERFORMANCE_STRONG, PERFORMANCE]) {
      const done = await observe(note, state);
      const archetypesEvent = done.events.find((e) => e.type === 'archetypes');
      expect(archetypesEvent).toMatchObject({ leaderChange: done.analysis.leaderChange });
      leaders.push(done.analysis.archetypes[0]!.id);
      changes.push(done.analysis.leaderChange);
      state = remember(state, note, done);
    }
    expect(leaders[0]).toBe('family_guardian');
    expect(leaders.at(-1)).toBe('performance_enthusiast');
    expect(changes[0]).toBeNull(); // no leader before the first note
    const change = changes.find(Boolean);
    expect(change).toMatchObject({ from: 'family_guardian', to: 'performance_enthusiast' });
    expect(change!.because.length).toBeGreaterThan(0);
    // The words that tipped it are the client's, from the note that tipped it.
    const tipping = [FAMILY, PERFORMANCE_STRONG, PERFORMANCE][changes.indexOf(change!)]!;
    for (const reason of change!.because) expect(tipping).toContain(reason.replace(/ \([+-][\d.]+\)$/, ''));
    // Once changed, it holds: no flapping back on a note that agrees.
    expect(changes.filter(Boolean)).toHaveLength(1);
  });

  test('the family is not forgotten: its evidence stays in the distribution after the leader changes', async () => {
    let state = emptySession();
    let last: Awaited<ReturnType<typeof observe>> | undefined;
    for (const note of [FAMILY, PERFORMANCE_STRONG]) {
      last = await observe(note, state);
      state = remember(state, note, last);
    }
    const family = last!.analysis.archetypes.find((a) => a.id === 'family_guardian')!;
    expect(last!.analysis.archetypes.indexOf(family)).toBe(1);
    expect(family.evidence.join(' ')).toMatch(/isofix|dzieci/);
  });

  test('next moves shown earlier in the session are never suggested again', async () => {
    let state = emptySession();
    const seen = new Set<string>();
    for (const note of [FAMILY, FAMILY, PERFORMANCE, FAMILY, PERFORMANCE]) {
      const done = await observe(note, state);
      expect(done.analysis.suggestions).toHaveLength(4);
      for (const s of done.analysis.suggestions) {
        expect(state.shown.has(s.id)).toBe(false);
        expect(seen.has(s.id)).toBe(false);
        seen.add(s.id);
      }
      state = remember(state, note, done);
    }
    expect(seen.size).toBe(20);
  });

  test('the trace of an observation equals what traceOf reads from its text', async () => {
    const done = await observe(PERFORMANCE_STRONG);
    expect(brain.analyzer.traceOf(PERFORMANCE_STRONG)).toEqual(done.trace);
  });
});
