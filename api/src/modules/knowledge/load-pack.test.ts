import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARCHETYPE_IDS,
  KnowledgeEntrySchema,
  KnowledgePackSchema,
  MODULE_IDS,
  SCORE_IDS,
  SIGNAL_IDS,
  matchTerm,
  toWords,
  type ModuleId,
  type SignalId,
} from '@sufler/shared';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEFAULT_PACK_DIR, KnowledgePackError, loadKnowledgePack, packEntries, unfilledTemplates } from './load-pack';

const pack = await loadKnowledgePack(DEFAULT_PACK_DIR);
const entries = packEntries(pack);

const NAMES_PL = {
  status_seeker: 'Zdobywca Statusu',
  family_guardian: 'Strażnik Rodziny',
  pragmatic_analyst: 'Pragmatyczny Analityk',
  eco_enthusiast: 'Eko-Entuzjasta',
  tech_pioneer: 'Pionier Technologii',
  technical_sceptic: 'Techniczny Sceptyk',
  premium_loyalist: 'Lojalista Premium',
  bargain_hunter: 'Łowca Okazji',
  undecided_explorer: 'Niezdecydowany Odkrywca',
  performance_enthusiast: 'Entuzjasta Osiągów',
};

describe('the EV dealership pack', () => {
  test('loads from api/knowledge/ev-dealership-pl and validates', () => {
    expect(DEFAULT_PACK_DIR).toMatch(/api[\\/]knowledge[\\/]ev-dealership-pl$/);
    expect(() => KnowledgePackSchema.parse(pack)).not.toThrow();
    expect(pack.id).toBe('ev-dealership-pl');
    expect(pack.archetypes.map((a) => a.id)).toEqual([...ARCHETYPE_IDS]);
    expect(pack.modules.map((m) => m.id)).toEqual([...MODULE_IDS]);
    expect(pack.signals.map((s) => s.id)).toEqual([...SIGNAL_IDS]);
    for (const a of pack.archetypes) expect(a.name.pl).toBe(NAMES_PL[a.id]);
  });

  test('every signal has at least 3 Polish and 2 English terms', async () => {
    const file = parse(await readFile(join(DEFAULT_PACK_DIR, 'signals.yaml'), 'utf8')) as { id: string; pl: { term: string }[]; en: { term: string }[] }[];
    expect(file.map((s) => s.id).sort()).toEqual([...SIGNAL_IDS].sort());
    for (const signal of file) {
      expect(signal.pl.length, signal.id).toBeGreaterThanOrEqual(3);
      expect(signal.en.length, signal.id).toBeGreaterThanOrEqual(2);
      // Crude language check: no Polish letters among the English terms.
      for (const { term } of signal.en) expect(term, signal.id).not.toMatch(/[ąćęłńóśźż]/i);
    }
  });

  test.each(pack.archetypes.map((a) => [a.id, a] as const))('archetype %s is complete', (_id, archetype) => {
    expect(archetype.signals.length).toBeGreaterThanOrEqual(12);
    expect(archetype.signals.length).toBeLessThanOrEqual(25);
    expect(archetype.signals.some((s) => s.weight < 0)).toBe(true);
    const { playbook } = archetype;
    expect(playbook.questions.length).toBeGreaterThanOrEqual(4);
    expect(playbook.arguments.length).toBeGreaterThanOrEqual(4);
    expect(playbook.objections.length).toBeGreaterThanOrEqual(3);
    expect(playbook.closing.length).toBeGreaterThanOrEqual(2);
    expect(playbook.nextSteps.length).toBeGreaterThanOrEqual(2);
  });

  test.each(pack.modules.map((m) => [m.id, m] as const))('module %s is complete', (_id, module) => {
    expect(module.keywords.length).toBeGreaterThanOrEqual(8);
    expect(module.keywords.length).toBeLessThanOrEqual(20);
    expect(module.strategies.length).toBeGreaterThanOrEqual(4);
    expect(module.facts.length).toBeGreaterThanOrEqual(2);
    for (const s of module.strategies) expect(s.archetypes.length, s.id).toBeGreaterThan(0);
  });

  test('scoring rules cover every score, up and down', () => {
    expect(pack.scoring.rules.length).toBeGreaterThanOrEqual(30);
    expect(pack.scoring.rules.length).toBeLessThanOrEqual(45);
    for (const score of SCORE_IDS) {
      const points = pack.scoring.rules.filter((r) => r.score === score).map((r) => r.points);
      expect(Math.max(...points), score).toBeGreaterThan(0);
      expect(Math.min(...points), score).toBeLessThan(0);
    }
  });
});

describe('packEntries', () => {
  test('never lets an unfilled template through', () => {
    expect(entries.some((e) => /\{\{|\}\}/.test(e.text) || /\{\{|\}\}/.test(e.source))).toBe(false);
    const templates = unfilledTemplates(pack);
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) {
      expect(t.placeholders.length).toBeGreaterThan(0);
      expect(entries.find((e) => e.id === `fact:${t.module}:${t.factId}`)).toBeUndefined();
    }
  });

  test('yields unique, valid ids in a stable order', async () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) expect(() => KnowledgeEntrySchema.parse(e)).not.toThrow();
    expect(packEntries(await loadKnowledgePack(DEFAULT_PACK_DIR))).toEqual(entries);
  });

  test('holds every filled fact, every strategy and every Polish playbook line', () => {
    const facts = pack.modules.flatMap((m) => m.facts).length - unfilledTemplates(pack).length;
    const strategies = pack.modules.flatMap((m) => m.strategies).length;
    const lines = pack.archetypes.reduce((n, { playbook: p }) => n + p.questions.length + p.arguments.length + p.objections.length + p.closing.length + p.nextSteps.length, 0);
    expect(entries).toHaveLength(facts + strategies + lines);
    const fact = entries.find((e) => e.id === 'fact:company_fleet:depreciation_limit_ev_225k');
    expect(fact).toMatchObject({ module: 'company_fleet', archetypes: [], language: 'pl' });
    expect(fact?.source).toMatch(/\(2026-11-22\)$/);
    expect(entries.find((e) => e.id === 'playbook:family_guardian:objections:0')?.text).toMatch(/^Zastrzeżenie: .+ Odpowiedź: .+/);
    expect(entries.find((e) => e.id === 'playbook:family_guardian:questions:0')).toMatchObject({
      module: null,
      archetypes: ['family_guardian'],
      source: `pack:${pack.id}@${pack.version}`,
    });
  });
});

/** Copies the real pack to a temporary folder, breaks it with `corrupt`, and returns the load error. */
async function loadBroken(corrupt: (dir: string) => Promise<void>): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'sufler-pack-'));
  try {
    await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
    await corrupt(dir);
    return await loadKnowledgePack(dir).then(
      () => null,
      (error: unknown) => error,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Free-form YAML, edited the way an admin would: no schema on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;

async function editYaml(dir: string, file: string, edit: (data: Yaml) => void) {
  const data = parse(await readFile(join(dir, file), 'utf8'));
  edit(data);
  await writeFile(join(dir, file), stringify(data));
}

describe('a broken pack is rejected, naming the file', () => {
  test.each([
    ['bad YAML', 'modules/family.yaml', /: invalid YAML: /, (d: string) => writeFile(join(d, 'modules/family.yaml'), 'id: family\nname: { pl: [ unclosed\n')],
    ['a missing archetype file', 'archetypes/family_guardian.yaml', /: file missing/, (d: string) => rm(join(d, 'archetypes/family_guardian.yaml'))],
    ['a weight out of range', 'archetypes/family_guardian.yaml', /: signals\.3\.weight: Too big/, (d: string) =>
      editYaml(d, 'archetypes/family_guardian.yaml', (a) => (a.signals[3].weight = 7))],
    ['a duplicate fact id', 'modules/tco_costs.yaml', /: facts\.0\.id: "vat_passenger_car_50_100" is already used/, (d: string) =>
      editYaml(d, 'modules/tco_costs.yaml', (m) => (m.facts[0].id = 'vat_passenger_car_50_100'))],
    ['an id that differs from the file name', 'modules/trade_in.yaml', /: id: "financing" does not match/, (d: string) =>
      editYaml(d, 'modules/trade_in.yaml', (m) => (m.id = 'financing'))],
    ['a file that is no archetype', 'archetypes/car_lover.yaml', /: the file name must be one of the ids/, (d: string) =>
      writeFile(join(d, 'archetypes/car_lover.yaml'), 'id: car_lover\n')],
    ['a misspelt field', 'modules/family.yaml', /: strategies\.0\.archetype: unknown field/, (d: string) =>
      editYaml(d, 'modules/family.yaml', (m) => ((m.strategies[0].archetype = m.strategies[0].archetypes), delete m.strategies[0].archetypes))],
    ['a placeholder outside facts', 'modules/financing.yaml', /: strategies\.1\.text: placeholders/, (d: string) =>
      editYaml(d, 'modules/financing.yaml', (m) => (m.strategies[1].text += ' Rata od {{rata}} zł.'))],
    ['a fact without asOf', 'modules/family.yaml', /: facts\.0\.asOf: /, (d: string) => editYaml(d, 'modules/family.yaml', (m) => delete m.facts[0].asOf)],
    ['a filled fact still marked as a template', 'modules/performance.yaml', /: facts\.1\.source: the fact is filled in/, (d: string) =>
      editYaml(d, 'modules/performance.yaml', (m) => (m.facts[1].text = 'Przyspieszenie 0–100 km/h w 5 s.'))],
    ['a missing signal', 'signals.yaml', /: \(root\): signal "delay" is missing/, (d: string) =>
      editYaml(d, 'signals.yaml', (s: { id: string }[]) => s.splice(s.findIndex((x) => x.id === 'delay'), 1))],
    ['a duplicate rule id', 'scoring-rules.yaml', /: rules\.1\.id: "readiness_buying_intent" is already used/, (d: string) =>
      editYaml(d, 'scoring-rules.yaml', (r) => (r.rules[1].id = 'readiness_buying_intent'))],
  ])('%s', async (_case, file, problem, corrupt) => {
    const error = await loadBroken(corrupt);
    expect(error).toBeInstanceOf(KnowledgePackError);
    expect((error as KnowledgePackError).name).toBe('KnowledgePackError');
    expect((error as KnowledgePackError).file).toBe(file);
    expect((error as KnowledgePackError).message).toMatch(new RegExp(`^${file.replace(/[.*/]/g, '\\$&')}${problem.source}`, 'm'));
  });
});

const moduleMatches = (id: ModuleId, text: string) =>
  pack.modules.find((m) => m.id === id)!.keywords.filter((k) => matchTerm(k, toWords(text)) !== null);
const signalMatches = (id: SignalId, text: string) =>
  pack.signals.find((s) => s.id === id)!.terms.filter((t) => matchTerm(t.term, toWords(text)) !== null);

describe('terms match inflected Polish', () => {
  test.each<[ModuleId, string]>([
    ['family', 'mamy dwoje dzieci i fotelik'],
    ['family', 'dzieciom'],
    ['family', 'Czy zmieszczą się dwa foteliki ISOFIX i wózek?'],
    ['company_fleet', 'na firmę w leasingu'],
    ['company_fleet', 'czy odliczę cały VAT?'],
    ['company_fleet', 'kupujemy trzy auta do floty'],
    ['range_winter', 'zasięgiem zimą'],
    ['range_winter', 'czy dojadę nad morze na jednym ładowaniu'],
    ['range_winter', 'ile przejedzie na mrozie'],
    ['home_energy', 'mam fotowoltaikę na dachu'],
    ['home_energy', 'będę ładował w domu z wallboxa'],
    ['tco_costs', 'ile kosztuje przejechanie 100 km'],
    ['tco_costs', 'miesięcznie wydaję na paliwo tysiąc złotych'],
    ['service_reliability', 'jaka jest gwarancja na baterię'],
    ['financing', 'jaka byłaby rata przy kredycie'],
    ['financing', 'czy są jakieś dopłaty'],
    ['trade_in', 'czy weźmiecie moje stare auto w rozliczeniu'],
    ['performance', 'ile ma do setki'],
    ['performance', 'przyspieszenie 0-100 km/h'],
    ['technology', 'czy dostaje aktualizacje OTA'],
    ['test_drive', 'chciałabym się umówić na jazdę próbną'],
    ['test_drive', 'po jeździe próbnej'],
    ['competition', 'w innym salonie dali mi lepszą ofertę'],
    ['competition', 'porównuję jeszcze z Teslą'],
  ])('module %s matches "%s"', (id, text) => {
    expect(moduleMatches(id, text)).not.toEqual([]);
  });

  test.each<[ModuleId, string]>([
    ['service_reliability', 'Cześć, dzień dobry'],
    ['family', 'mam dwa auta w firmie'],
    ['performance', 'kupiłam torebkę'],
  ])('module %s stays quiet on "%s"', (id, text) => {
    expect(moduleMatches(id, text)).toEqual([]);
  });

  test.each<[SignalId, string]>([
    ['free_ride_intent', 'chciałbym się przejechać na weekend'],
    ['free_ride_intent', 'potrzebuję auta na wesele'],
    ['free_ride_intent', 'just for fun'],
    ['price_objection', 'za drogo'],
    ['price_objection', 'too expensive'],
    ['price_objection', 'nie stać mnie na to'],
    ['buying_intent', 'jaki jest termin dostawy?'],
    ['urgency', 'kończy mi się leasing w marcu'],
    ['delay', 'muszę się jeszcze zastanowić'],
    ['delay', "I'll think about it"],
    ['decision_maker_absent', 'muszę porozmawiać z żoną'],
    ['home_charging', 'ładuję w domu z paneli słonecznych'],
    ['trade_in', 'wezmą moje auto w rozliczeniu?'],
    ['disengagement', 'nie jestem zainteresowana'],
  ])('signal %s matches "%s"', (id, text) => {
    expect(signalMatches(id, text)).not.toEqual([]);
  });

  test('archetype terms avoid common false friends', () => {
    const eco = pack.archetypes.find((a) => a.id === 'eco_enthusiast')!;
    expect(eco.signals.filter((s) => matchTerm(s.term, toWords('czy ma klimatyzację?')))).toEqual([]);
    const status = pack.archetypes.find((a) => a.id === 'status_seeker')!;
    expect(status.signals.filter((s) => matchTerm(s.term, toWords('jaki jest status zamówienia?')))).toEqual([]);
  });
});
