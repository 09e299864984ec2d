import { describe, expect, test } from 'vitest';
import { SuggestionSchema, type ArchetypeScore, type Signal, type Suggestion } from '../schemas/analysis';
import type { Archetype, KnowledgeModule, Localized, Playbook } from '../schemas/knowledge-pack';
import type { ArchetypeId, Language } from '../schemas/vocabulary';
import { chooseNextMoves, type NextMovesInput } from './choose-next-moves';

const L = (pl: string, en: string): Localized => ({ pl, en });

const FAMILY_PLAYBOOK: Playbook = {
  questions: [
    L('Ile lat mają dzieci i jakie foteliki Państwo wożą?', 'How old are the children and which child seats do you use?'),
    L('Jak często jeździcie całą rodziną w dłuższą trasę?', 'How often do you take long trips as a family?'),
    L('Co jest dla Państwa najważniejsze w bezpieczeństwie auta?', 'What matters most to you about the car’s safety?'),
    L('Czy wózek musi się zmieścić w bagażniku?', 'Does a pram need to fit in the boot?'),
  ],
  arguments: [
    L('Pięć gwiazdek Euro NCAP, także w ochronie dzieci.', 'Five Euro NCAP stars, child protection included.'),
    L('Płaska podłoga: trzy foteliki obok siebie.', 'A flat floor: three child seats side by side.'),
    L('Cicha kabina: dzieci śpią w trasie.', 'A quiet cabin: the children sleep on the road.'),
  ],
  objections: [
    {
      objection: L('Boję się o baterię przy wypadku', 'I worry about the battery in a crash'),
      response: L('Bateria jest w stalowej ramie i przechodzi testy zderzeniowe.', 'The battery sits in a steel frame and passes crash tests.'),
    },
    {
      objection: L('Zasięg nie wystarczy na wakacje', 'The range will not cover a holiday trip'),
      response: L('Zaplanujmy trasę nad morze z ładowaniem na postojach.', 'Let us plan the seaside trip with charging at the stops.'),
    },
    {
      objection: L('To za drogie dla rodziny', 'It is too expensive for a family'),
      response: L('Porównajmy koszt miesięczny z obecnym autem.', 'Let us compare the monthly cost with your current car.'),
    },
  ],
  closing: [
    L('Zarezerwujmy auto w wersji z pakietem bezpieczeństwa.', 'Let us reserve the car with the safety pack.'),
    L('Przygotuję ofertę z fotelikami w cenie.', 'I will prepare an offer with child seats included.'),
  ],
  nextSteps: [
    L('Umówmy jazdę próbną z fotelikami całej rodziny.', 'Let us book a test drive with the whole family’s child seats.'),
    L('Wyślę porównanie bezpieczeństwa z Państwa obecnym autem.', 'I will send a safety comparison with your current car.'),
  ],
};

/** The other playbooks only need distinct lines of the right shape and language. */
function playbook(pl: string, en: string): Playbook {
  const lines = (n: number, kindPl: string, kindEn: string) =>
    Array.from({ length: n }, (_, i) => L(`${kindPl} ${i + 1}: ${pl}`, `${kindEn} ${i + 1}: ${en}`));
  return {
    questions: lines(4, 'Pytanie', 'Question'),
    arguments: lines(3, 'Argument', 'Argument'),
    objections: lines(3, 'Zastrzeżenie', 'Objection').map((objection, i) => ({
      objection,
      response: L(`Odpowiedź ${i + 1}: ${pl}`, `Answer ${i + 1}: ${en}`),
    })),
    closing: lines(2, 'Zamknięcie', 'Close'),
    nextSteps: lines(2, 'Następny krok', 'Next step'),
  };
}

const ARCHETYPES: NextMovesInput['archetypes'] = [
  { id: 'family_guardian', name: L('Strażnik Rodziny', 'Family Guardian'), playbook: FAMILY_PLAYBOOK },
  { id: 'pragmatic_analyst', name: L('Pragmatyczny Analityk', 'Pragmatic Analyst'), playbook: playbook('koszty i liczby', 'costs and numbers') },
  { id: 'bargain_hunter', name: L('Łowca Okazji', 'Bargain Hunter'), playbook: playbook('rabaty i promocje', 'discounts and offers') },
  { id: 'performance_enthusiast', name: L('Entuzjasta Osiągów', 'Performance Enthusiast'), playbook: playbook('przyspieszenie', 'acceleration') },
] satisfies Pick<Archetype, 'id' | 'name' | 'playbook'>[];

const MODULES: Pick<KnowledgeModule, 'id' | 'name' | 'strategies'>[] = [
  {
    id: 'family',
    name: L('Rodzina', 'Family'),
    strategies: [
      { id: 'safety_first', text: 'Pokaż wyniki Euro NCAP i mocowania ISOFIX na wszystkich tylnych miejscach.', archetypes: ['family_guardian'] },
      { id: 'boot_fitting', text: 'Zaproponuj przymiarkę wózka i fotelików w bagażniku.', archetypes: [] },
    ],
  },
  {
    id: 'tco_costs',
    name: L('Koszty i TCO', 'Costs and TCO'),
    strategies: [
      { id: 'tco_5y', text: 'Policz z klientem TCO na 5 lat: energia, serwis, ubezpieczenie, utrata wartości.', archetypes: ['pragmatic_analyst', 'bargain_hunter'] },
      { id: 'night_tariff', text: 'Pokaż koszt 100 km przy ładowaniu w domu w taryfie nocnej.', archetypes: [] },
    ],
  },
];

const score = (id: ArchetypeId, probability: number): ArchetypeScore => ({ id, probability, evidence: [] });
/** A family leaning, as the classifier gives it after a few notes: all ten, sorted. */
const DISTRIBUTION: ArchetypeScore[] = [
  score('family_guardian', 0.46),
  score('pragmatic_analyst', 0.22),
  score('bargain_hunter', 0.12),
  score('performance_enthusiast', 0.08),
  score('status_seeker', 0.02),
  score('eco_enthusiast', 0.02),
  score('tech_pioneer', 0.02),
  score('technical_sceptic', 0.02),
  score('premium_loyalist', 0.02),
  score('undecided_explorer', 0.02),
];

const BASE: NextMovesInput = {
  archetypes: ARCHETYPES,
  modules: MODULES,
  distribution: DISTRIBUTION,
  signals: [],
  activeModules: ['family', 'tco_costs'],
  readiness: 40,
  funDriveRisk: 20,
  language: 'pl',
  exclude: new Set(),
};
const PRICE_OBJECTION = { id: 'price_objection', strength: 0.7, evidence: 'za drogo jak na rodzinne auto' } as const;

const choose = (overrides: Partial<NextMovesInput> = {}) => chooseNextMoves({ ...BASE, ...overrides });
const kinds = (moves: Suggestion[]) => moves.map((m) => m.kind);

/** Every line the fixture could produce, per language, as chooseNextMoves writes it. */
function allTexts(language: Language): Set<string> {
  const texts = new Set<string>();
  for (const { playbook: p } of ARCHETYPES) {
    for (const line of [...p.questions, ...p.arguments, ...p.closing, ...p.nextSteps]) texts.add(line[language]);
    for (const o of p.objections) texts.add(`${o.objection[language]} → ${o.response[language]}`);
  }
  if (language === 'pl') for (const m of MODULES) for (const s of m.strategies) texts.add(s.text);
  return texts;
}

describe('chooseNextMoves', () => {
  test.each<[string, Partial<NextMovesInput>]>([
    ['a family leaning', {}],
    ['an objection', { signals: [PRICE_OBJECTION] }],
    ['a ready client', { readiness: 80 }],
    ['a fun-drive risk', { funDriveRisk: 70 }],
    ['everything at once', { signals: [PRICE_OBJECTION], readiness: 75, funDriveRisk: 60 }],
    ['English', { language: 'en' }],
    ['no active modules', { activeModules: [] }],
    ['a module listed twice', { activeModules: ['family', 'family', 'tco_costs'] }],
    ['a module with no strategies in the pack', { activeModules: ['performance', 'family'] }],
    ['no leader yet', { distribution: DISTRIBUTION.map((s) => ({ ...s, probability: 0.1 })) }],
  ])('%s → exactly 4 valid moves, unique ids, at least 3 kinds', (_case, overrides) => {
    const moves = choose(overrides);
    expect(moves).toHaveLength(4);
    for (const move of moves) expect(SuggestionSchema.parse(move)).toEqual(move);
    expect(new Set(moves.map((m) => m.id)).size).toBe(4);
    expect(new Set(kinds(moves)).size).toBeGreaterThanOrEqual(3);
  });

  test('an objection is answered first, with the playbook line about what was raised, naming the signal and the client’s words', () => {
    const [first] = choose({ signals: [{ id: 'test_drive_request', strength: 0.9, evidence: 'jazda próbna' }, PRICE_OBJECTION] });
    // Objection 2 is "To za drogie dla rodziny": the price answer, not the battery one listed first.
    expect(first).toMatchObject({ id: 'pb:family_guardian:objections:2', kind: 'objection_handling' });
    expect(first!.basedOn).toEqual(['archetype:family_guardian', 'signal:price_objection']);
    expect(first!.rationale).toContain('„za drogo jak na rodzinne auto”');
  });

  const RANGE_WORRY = { id: 'technical_doubt', strength: 0.4, evidence: 'zasięgu zimą' } as const;
  const signal = (id: Signal['id'], strength: number, evidence: string): Signal => ({ id, strength, evidence });
  const quotes = (rationale: string) => [...rationale.matchAll(/„([^”]+)”/g)].map((m) => m[1]);

  test.each<[string, Partial<NextMovesInput>, string, string[], string[]]>([
    // The rationale used to quote the strongest objection raised, whatever the line answered.
    ['the range answer, with a stronger spouse objection raised', { signals: [signal('decision_maker_absent', 0.77, 'przemyśleć z mężem'), RANGE_WORRY] }, 'pb:family_guardian:objections:0', ['signal:technical_doubt'], ['zasięgu zimą']],
    ['the range answer once the price one was shown', { signals: [PRICE_OBJECTION, RANGE_WORRY], latest: [RANGE_WORRY], exclude: new Set(['pb:family_guardian:objections:2']) }, 'pb:family_guardian:objections:0', ['signal:technical_doubt'], ['zasięgu zimą']],
    // The latest note's objection first, even when an older one is stronger.
    ['a fresh price objection over an older, stronger range worry', { signals: [{ ...RANGE_WORRY, strength: 0.8 }, signal('price_objection', 0.4, 'tańszy o 20 tys.')], latest: [signal('price_objection', 0.4, 'tańszy o 20 tys.')] }, 'pb:family_guardian:objections:2', ['signal:price_objection'], ['tańszy o 20 tys.']],
    ['an objection raised again, in the latest note’s words', { signals: [PRICE_OBJECTION], latest: [signal('price_objection', 0.5, 'taniej u konkurencji')] }, 'pb:family_guardian:objections:2', ['signal:price_objection'], ['taniej u konkurencji']],
    ['an older objection, not yet answered, when the latest note raised none', { signals: [RANGE_WORRY], latest: [] }, 'pb:family_guardian:objections:0', ['signal:technical_doubt'], ['zasięgu zimą']],
  ])('%s → the first move answers it, and its why names only what it answers', (_case, overrides, id, signals, quoted) => {
    const [first] = choose(overrides);
    expect(first).toMatchObject({ id, kind: 'objection_handling' });
    expect(first!.basedOn.filter((b) => b.startsWith('signal:'))).toEqual(signals);
    expect(quotes(first!.rationale)).toEqual(quoted);
  });

  test('an older objection a shown move answered is not raised again: no move claims it', () => {
    const exclude = new Set(['pb:family_guardian:objections:2']);
    const moves = choose({ signals: [PRICE_OBJECTION], latest: [signal('family_needs', 0.9, 'dwoje dzieci')], exclude });
    for (const move of moves) {
      expect(move.basedOn).not.toContain('signal:price_objection');
      expect(move.rationale).not.toContain('za drogo');
    }
  });

  test.each<[string, Partial<NextMovesInput>]>([
    ['price and range raised', { signals: [PRICE_OBJECTION, RANGE_WORRY] }],
    ['price raised, then range', { signals: [PRICE_OBJECTION, RANGE_WORRY], latest: [RANGE_WORRY] }],
    ['an objection the lines do not speak to', { signals: [signal('delay', 0.8, 'przemyśleć')] }],
  ])('%s → every quote in a why is the evidence of a signal the move is based on', (_case, overrides) => {
    for (let round = 0, exclude = new Set<string>(); round < 6; round++) {
      for (const move of choose({ ...overrides, exclude })) {
        exclude.add(move.id);
        const named = [...(overrides.signals ?? []), ...(overrides.latest ?? [])].filter((s) => move.basedOn.includes(`signal:${s.id}`));
        for (const quote of quotes(move.rationale)) expect(named.map((s) => s.evidence)).toContain(quote);
        if (named.length) expect(move.kind).toBe('objection_handling');
      }
    }
  });

  test.each<[string, number, boolean]>([
    ['a weak objection', 0.29, false],
    ['an objection at the threshold', 0.3, true],
  ])('%s (strength %d) leads: %s', (_case, strength, leads) => {
    const [first] = choose({ signals: [{ ...PRICE_OBJECTION, strength }] });
    expect(first!.kind === 'objection_handling').toBe(leads);
  });

  test.each<[number, boolean]>([
    [40, false],
    [59, false],
    [60, true],
    [90, true],
  ])('readiness %d → a close included: %s', (readiness, included) => {
    const close = choose({ readiness }).find((m) => m.kind === 'close');
    expect(Boolean(close)).toBe(included);
    if (close) expect(close.rationale).toContain('Wysoka gotowość do zakupu');
  });

  test.each<[number, Language, string]>([
    [50, 'pl', 'Ryzyko jazdy „dla frajdy”: najpierw zakwalifikuj'],
    [85, 'en', 'Fun-drive risk: qualify first'],
  ])('funDriveRisk %d (%s) → a qualifying question first, with why', (funDriveRisk, language, why) => {
    const moves = choose({ funDriveRisk, language });
    expect(moves[0]).toMatchObject({ kind: 'question', id: 'pb:family_guardian:questions:0' });
    expect(moves[0]!.rationale).toContain(why);
  });

  test('low funDriveRisk → questions carry no fun-drive rationale', () => {
    for (const move of choose({ funDriveRisk: 49 })) expect(move.rationale).not.toContain('frajdy');
  });

  test.each<[Language, RegExp]>([
    ['pl', /^(Pasuje do archetypu|Temat rozmowy|Klient zgłosił)/],
    ['en', /^(Fits the archetype|The client raised)/],
  ])('%s → text from that language’s lines, rationale in it too', (language, rationale) => {
    const texts = allTexts(language);
    for (const move of choose({ language, signals: [PRICE_OBJECTION] })) {
      expect(texts).toContain(move.text);
      expect(move.rationale).toMatch(rationale);
    }
  });

  test('English leaves out the Polish module strategies', () => {
    for (let round = 0, exclude = new Set<string>(); round < 14; round++) {
      const moves = choose({ language: 'en', exclude });
      for (const move of moves) {
        expect(move.id).not.toMatch(/^st:/);
        expect(move.basedOn.some((b) => b.startsWith('module:'))).toBe(false);
        exclude.add(move.id);
      }
    }
  });

  test('once the leader’s price answer was shown, the next answer to the price objection is still about price', () => {
    const exclude = new Set(['pb:family_guardian:objections:2']);
    for (let round = 0; round < 3; round++) {
      const [first] = choose({ signals: [PRICE_OBJECTION], exclude });
      expect(first!.kind).toBe('objection_handling');
      expect(first!.basedOn).toContain('signal:price_objection');
      expect(first!.text).not.toMatch(/bateri|battery|zasięg|range/i);
      exclude.add(first!.id);
    }
  });

  test('basedOn names archetypes, modules and signals by id', () => {
    const seen: string[] = [];
    for (let round = 0, exclude = new Set<string>(); round < 15; round++) {
      for (const move of choose({ signals: [PRICE_OBJECTION], exclude })) {
        exclude.add(move.id);
        for (const ref of move.basedOn) expect(ref).toMatch(/^(archetype:[a-z_]+|module:[a-z_]+|signal:[a-z_]+)$/);
        if (move.id === 'st:family:safety_first') expect(move.basedOn).toEqual(['module:family', 'archetype:family_guardian']);
        if (move.id === 'st:family:boot_fitting') expect(move.basedOn).toEqual(['module:family']);
        // With a price objection raised, the cost module's strategies answer it.
        if (move.id === 'st:tco_costs:tco_5y') expect(move).toMatchObject({ kind: 'objection_handling', basedOn: ['signal:price_objection', 'module:tco_costs'] });
        seen.push(...move.basedOn);
      }
    }
    expect(seen).toEqual(expect.arrayContaining(['archetype:family_guardian', 'archetype:performance_enthusiast', 'module:family', 'module:tco_costs', 'signal:price_objection']));
  });

  test('ids already shown are not offered again', () => {
    const first = choose();
    const second = choose({ exclude: new Set(first.map((m) => m.id)) });
    expect(second).toHaveLength(4);
    const shown = first.map((m) => m.id);
    for (const move of second) expect(shown).not.toContain(move.id);
  });

  test.each<[Language, number]>([
    // 4 archetypes × 14 playbook lines, plus 2 modules × 2 strategies in Polish.
    ['pl', 60],
    ['en', 56],
  ])('regenerating in %s: no repeat until all %d lines were shown, then 4 again', (language, total) => {
    const exclude = new Set<string>();
    for (let round = 0; round < total / 4; round++) {
      const moves = choose({ language, exclude, signals: [PRICE_OBJECTION], readiness: 65 });
      expect(moves).toHaveLength(4);
      for (const move of moves) {
        expect(exclude.has(move.id)).toBe(false);
        exclude.add(move.id);
      }
    }
    expect(exclude.size).toBe(total);
    const restarted = choose({ language, exclude, signals: [PRICE_OBJECTION], readiness: 65 });
    expect(restarted).toHaveLength(4);
    expect(new Set(restarted.map((m) => m.id)).size).toBe(4);
    expect(restarted[0]!.kind).toBe('objection_handling');
  });
});
