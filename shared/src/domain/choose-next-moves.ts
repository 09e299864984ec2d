import type { ArchetypeScore, Signal, Suggestion } from '../schemas/analysis';
import type { Archetype, KnowledgeModule, Localized } from '../schemas/knowledge-pack';
import type { Language, ModuleId, SignalId, SuggestionKind } from '../schemas/vocabulary';
import { hasLeader } from './classify-archetypes';
import { foldForSearch } from './fold-for-search';

export type NextMovesInput = {
  archetypes: Pick<Archetype, 'id' | 'name' | 'playbook'>[];
  modules: Pick<KnowledgeModule, 'id' | 'name' | 'strategies'>[];
  distribution: ArchetypeScore[];
  signals: Signal[];
  activeModules: ModuleId[];
  readiness: number;
  funDriveRisk: number;
  language: Language;
  /** Ids already shown in this session: never offered again. */
  exclude: ReadonlySet<string>;
  /**
   * The latest observation's own signals. Its objections are answered before older ones, and an
   * older objection that a shown move already answered is not raised again. Absent: every signal
   * counts as the latest's.
   */
  latest?: Signal[];
};

type Candidate = Suggestion & { priority: number };

/** An objection the client raised in the session; `fresh` when the latest observation raised it. */
type Raised = Signal & { fresh: boolean };

/** Signals that mean the client has raised an objection: answer it before anything else. */
const OBJECTION_SIGNALS: SignalId[] = ['price_objection', 'technical_doubt', 'competitor_comparison', 'delay', 'decision_maker_absent'];

/**
 * Word stems (folded) that tie a playbook objection to the objection signal it answers, so a price
 * objection gets the price answer and not the battery one.
 */
const OBJECTION_TOPICS: Partial<Record<SignalId, string[]>> = {
  price_objection: ['drog', 'cen', 'koszt', 'tani', 'rabat', 'upust', 'rat', 'expens', 'price', 'cost', 'cheap', 'discount', 'afford'],
  technical_doubt: ['bater', 'zasieg', 'ladow', 'prad', 'zim', 'awari', 'serwis', 'batter', 'range', 'charg', 'winter', 'reliab'],
  competitor_comparison: ['konkur', 'inn', 'porown', 'compet', 'other', 'compar'],
  delay: ['zastanow', 'namysl', 'pozniej', 'czek', 'pospiech', 'think', 'later', 'wait', 'hurry'],
  decision_maker_absent: ['zon', 'maz', 'partner', 'szef', 'zarzad', 'decyd', 'wife', 'husband', 'boss', 'board', 'decid'],
};

/** Modules whose strategies answer an objection when the archetype's playbook has no line for it. */
const OBJECTION_MODULES: Partial<Record<SignalId, ModuleId[]>> = {
  price_objection: ['tco_costs', 'financing'],
  technical_doubt: ['range_winter', 'service_reliability'],
  competitor_comparison: ['competition'],
};

/**
 * How much a line's answer is worth, from the objections it answers: those of the latest
 * observation first (any of them lifts it above every line that answers only older ones), the
 * more of them the better, older ones adding a little.
 */
function answerScore(answered: Raised[]): number {
  const sum = (signals: Raised[]) => signals.reduce((total, s) => total + s.strength, 0);
  const fresh = sum(answered.filter((s) => s.fresh));
  const older = sum(answered.filter((s) => !s.fresh));
  return fresh > 0 ? 1 + Math.min(1, fresh + older * 0.25) : Math.min(1, older);
}

/** A playbook objection on a raised topic ranks first; one on another topic still above the other kinds. */
const objectionPriority = (weight: number, answered: Raised[]) =>
  answered.length ? 1.3 + weight * 0.5 + answerScore(answered) : 0.55 + weight * 0.5;

const wordsOf = (text: string) => foldForSearch(text).split(/[^\p{L}\p{N}]+/u);
const onTopic = (words: string[], id: SignalId) => words.some((w) => (OBJECTION_TOPICS[id] ?? []).some((stem) => w.startsWith(stem)));

/** The raised objections whose topic stems a line contains: the ones it answers. */
const answeredBy = (text: string, raised: Raised[]) => {
  // Most notes raise no objection: then no line needs folding.
  if (!raised.length) return [];
  const words = wordsOf(text);
  return raised.filter((signal) => onTopic(words, signal.id));
};

/** A move shown earlier that answers objections: a playbook objection line, or a module's strategy (`module`). */
type ShownLine = { module?: ModuleId; words: string[] };

/**
 * The objections to answer, the latest observation's first: each session objection at ≥ 0.3, with
 * the latest observation's words when it raised it again; an older one is dropped once a move shown
 * in the session answered it (a playbook objection or an answering module's strategy on its topic).
 */
function raisedObjections(input: NextMovesInput): Raised[] {
  const latest = input.latest && new Map(input.latest.filter((s) => s.strength >= 0.3).map((s) => [s.id, s]));
  // Read only when an older objection is checked, and then each shown line split into words once.
  let shownLines: ShownLine[] | undefined;
  const shown = (): ShownLine[] =>
    (shownLines ??= [
      ...input.archetypes.flatMap((a) =>
        a.playbook.objections.flatMap((o, i) => (input.exclude.has(`pb:${a.id}:objections:${i}`) ? [{ words: wordsOf(`${o.objection.pl} ${o.objection.en}`) }] : [])),
      ),
      ...input.modules.flatMap((m) => m.strategies.flatMap((st) => (input.exclude.has(`st:${m.id}:${st.id}`) ? [{ module: m.id, words: wordsOf(st.text) }] : []))),
    ]);
  const answeredBefore = (id: SignalId) =>
    shown().some((line) => (line.module === undefined || (OBJECTION_MODULES[id] ?? []).includes(line.module)) && onTopic(line.words, id));
  return input.signals
    .filter((s) => OBJECTION_SIGNALS.includes(s.id) && s.strength >= 0.3)
    .map((s): Raised => {
      const again = latest?.get(s.id);
      return again ? { ...s, evidence: again.evidence, fresh: true } : { ...s, fresh: !latest };
    })
    .filter((s) => s.fresh || !answeredBefore(s.id))
    .sort((a, b) => Number(b.fresh) - Number(a.fresh) || b.strength - a.strength);
}

const T = {
  fits: { pl: 'Pasuje do archetypu', en: 'Fits the archetype' },
  noLeader: { pl: 'Za mało sygnałów, by rozpoznać archetyp: najpierw poznaj klienta', en: 'Too few signals to tell the archetype yet: get to know the client first' },
  objection: { pl: 'Klient zgłosił zastrzeżenie', en: 'The client raised an objection' },
  module: { pl: 'Temat rozmowy', en: 'Topic in the conversation' },
  ready: { pl: 'Wysoka gotowość do zakupu', en: 'High purchase readiness' },
  funDrive: { pl: 'Ryzyko jazdy „dla frajdy”: najpierw zakwalifikuj', en: 'Fun-drive risk: qualify first' },
} satisfies Record<string, Localized>;

/** "The client raised an objection: „…”, „…”": the words of the objections a line answers. */
const objectionWhy = (answered: Raised[], lang: Language) =>
  `${T.objection[lang]}: ${answered
    .slice(0, 2)
    .map((s) => `„${s.evidence}”`)
    .join(', ')}`;

/**
 * Rules-mode next moves: 4 lines from the playbooks of the leading archetypes and the strategies of
 * the active modules, chosen for the situation (an objection first: the latest observation's before
 * older ones, an older one a shown move answered not again, with a why naming only what the move
 * answers; a close when the client is ready; qualifying questions when a free ride is the risk),
 * different kinds where possible, and none that was shown before in the session. Ids are stable (`pb:…`, `st:…`) so "shown" and
 * feedback refer to the same line across requests.
 */
export function chooseNextMoves(input: NextMovesInput, count = 4): Suggestion[] {
  // The three leading archetypes usually have plenty; after many regenerations widen to all ten,
  // and only when every line was shown start again from the best.
  for (const [leaders, exclude] of [
    [3, input.exclude],
    [10, input.exclude],
    [10, new Set<string>()],
  ] as const) {
    const fresh = candidatesFor(input, leaders).filter((c) => !exclude.has(c.id));
    if (fresh.length >= count || exclude.size === 0) {
      return pickDiverse(fresh.sort((a, b) => b.priority - a.priority), count).map(({ priority: _p, ...suggestion }) => suggestion);
    }
  }
  return [];
}

function candidatesFor(input: NextMovesInput, leaderCount: number): Candidate[] {
  const lang = input.language;
  // With no evidence yet every archetype ties: educate and qualify (the undecided explorer's
  // playbook) rather than pitch to whoever happens to sort first.
  const ranked = hasLeader(input.distribution)
    ? input.distribution
    : [...input.distribution].sort((a, b) => Number(b.id === 'undecided_explorer') - Number(a.id === 'undecided_explorer'));
  const leaders = ranked.slice(0, leaderCount);
  const objections = raisedObjections(input);
  const candidates: Candidate[] = [];

  leaders.forEach((leader, rank) => {
    const archetype = input.archetypes.find((a) => a.id === leader.id);
    if (!archetype) return;
    const weight = leader.probability * (1 - rank * 0.15);
    const basedOn = [`archetype:${archetype.id}`];
    const why = hasLeader(input.distribution)
      ? `${T.fits[lang]}: ${archetype.name[lang]} (${Math.round(leader.probability * 100)}%)`
      : T.noLeader[lang];
    const add = (kind: SuggestionKind, section: string, lines: Localized[], boost: number, extra?: string, extraBasedOn: string[] = []) =>
      lines.forEach((line, i) =>
        candidates.push({
          id: `pb:${archetype.id}:${section}:${i}`,
          kind,
          text: line[lang],
          rationale: extra ? `${extra}. ${why}` : why,
          basedOn: [...basedOn, ...extraBasedOn],
          priority: weight + boost - i * 0.01,
        }),
      );
    archetype.playbook.objections.forEach((o, i) => {
      // The rationale and basedOn name only the objections this line answers, never another one
      // the client raised: the rep reads the why next to the words.
      const answered = answeredBy(`${o.objection.pl} ${o.objection.en}`, objections);
      candidates.push({
        id: `pb:${archetype.id}:objections:${i}`,
        kind: 'objection_handling',
        text: `${o.objection[lang]} → ${o.response[lang]}`,
        rationale: answered.length ? `${objectionWhy(answered, lang)}. ${why}` : why,
        basedOn: [...basedOn, ...answered.slice(0, 2).map((s) => `signal:${s.id}`)],
        // An objection that answers what the client raised beats the leader's generic one, and a
        // module's answer to that topic (below) beats a playbook line about something else.
        priority: objections.length ? objectionPriority(weight, answered) : weight - 0.3 - i * 0.01,
      });
    });
    add('question', 'questions', archetype.playbook.questions, input.funDriveRisk >= 50 ? 0.6 : 0.2, input.funDriveRisk >= 50 ? T.funDrive[lang] : undefined);
    add('argument', 'arguments', archetype.playbook.arguments, 0.1);
    add('close', 'closing', archetype.playbook.closing, input.readiness >= 60 ? 0.8 : -0.4, input.readiness >= 60 ? T.ready[lang] : undefined);
    add('next_step', 'nextSteps', archetype.playbook.nextSteps, 0);
  });

  // Module strategies are written in Polish (the knowledge pack's language).
  if (lang === 'pl') {
    const answering = new Set<ModuleId>();
    for (const signal of objections) {
      for (const id of OBJECTION_MODULES[signal.id] ?? []) {
        const module = input.modules.find((m) => m.id === id);
        if (!module || answering.has(id)) continue;
        answering.add(id);
        module.strategies.forEach((strategy, i) => {
          // The module answers `signal`; a strategy that also speaks to another raised objection
          // ("BYD is 20k cheaper": competitor and price) answers both and ranks above its siblings.
          const answered = [signal, ...answeredBy(strategy.text, objections).filter((s) => s.id !== signal.id)];
          candidates.push({
            id: `st:${module.id}:${strategy.id}`,
            kind: 'objection_handling',
            text: strategy.text,
            rationale: `${objectionWhy(answered, lang)}. ${T.module[lang]}: ${module.name[lang]}`,
            basedOn: [...answered.slice(0, 2).map((s) => `signal:${s.id}`), `module:${module.id}`],
            priority: 1.2 + answerScore(answered) - i * 0.01,
          });
        });
      }
    }
    for (const id of new Set(input.activeModules)) {
      const module = input.modules.find((m) => m.id === id);
      if (!module || answering.has(id)) continue;
      module.strategies.forEach((strategy, i) => {
        const served = leaders.find((l) => strategy.archetypes.includes(l.id));
        candidates.push({
          id: `st:${module.id}:${strategy.id}`,
          kind: 'argument',
          text: strategy.text,
          rationale: `${T.module[lang]}: ${module.name[lang]}`,
          basedOn: [`module:${module.id}`, ...(served ? [`archetype:${served.id}`] : [])],
          priority: 0.45 + (served ? served.probability : 0) - i * 0.01,
        });
      });
    }
  }

  return candidates;
}

/** The best candidates, at most one per kind until every kind had its turn, then the best of the rest. */
function pickDiverse(sorted: Candidate[], count: number): Candidate[] {
  const picked: Candidate[] = [];
  const kinds = new Set<SuggestionKind>();
  for (const candidate of sorted) {
    if (picked.length === count) break;
    if (!kinds.has(candidate.kind)) {
      picked.push(candidate);
      kinds.add(candidate.kind);
    }
  }
  for (const candidate of sorted) {
    if (picked.length === count) break;
    if (!picked.includes(candidate)) picked.push(candidate);
  }
  return picked;
}
