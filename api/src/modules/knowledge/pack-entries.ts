import type { Archetype, KnowledgeEntry, KnowledgePack, Localized } from '@sufler/shared';

/** `{{name}}` in a fact: a value the admin still has to fill in (a price, a range, a policy). */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names in a text, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Whether a text is still a template. Any brace pair counts, even a malformed one, so that a
 * half-edited fact can never slip through to the model as if it were true.
 */
export const isTemplate = (text: string) => text.includes('{{') || text.includes('}}');

/** Facts still holding placeholders, so start-up can tell the admin what to fill in. */
export function unfilledTemplates(pack: KnowledgePack): { module: string; factId: string; placeholders: string[] }[] {
  return pack.modules.flatMap((module) =>
    module.facts
      .filter((fact) => isTemplate(fact.text))
      .map((fact) => ({ module: module.id, factId: fact.id, placeholders: placeholdersIn(fact.text) })),
  );
}

type Section = 'questions' | 'arguments' | 'objections' | 'closing' | 'nextSteps';

function playbookLines(archetype: Archetype): { section: Section; text: string }[] {
  const { playbook } = archetype;
  const plain = (section: Exclude<Section, 'objections'>) =>
    playbook[section].map((line: Localized) => ({ section, text: line.pl }));
  return [
    ...plain('questions'),
    ...plain('arguments'),
    ...playbook.objections.map((o) => ({
      section: 'objections' as const,
      text: `Zastrzeżenie: ${o.objection.pl} Odpowiedź: ${o.response.pl}`,
    })),
    ...plain('closing'),
    ...plain('nextSteps'),
  ];
}

/**
 * The pack's retrievable passages, in pack order: per module its facts then its strategies, then
 * per archetype its playbook lines in Polish. Unfilled templates are left out: a placeholder must
 * never reach the model or the rep as if it were a fact. Indexes in playbook ids are 0-based, like
 * the field paths in load errors (`playbook.questions.0`).
 */
export function packEntries(pack: KnowledgePack): KnowledgeEntry[] {
  const packSource = `pack:${pack.id}@${pack.version}`;
  const fromModules = pack.modules.flatMap((module): KnowledgeEntry[] => [
    ...module.facts
      .filter((fact) => !isTemplate(fact.text))
      .map((fact) => ({
        id: `fact:${module.id}:${fact.id}`,
        module: module.id,
        archetypes: [],
        language: 'pl' as const,
        text: fact.text,
        source: `${fact.source} (${fact.asOf})`,
      })),
    ...module.strategies.map((strategy) => ({
      id: `strategy:${module.id}:${strategy.id}`,
      module: module.id,
      archetypes: [...strategy.archetypes],
      language: 'pl' as const,
      text: strategy.text,
      source: packSource,
    })),
  ]);
  const fromArchetypes = pack.archetypes.flatMap((archetype) => {
    const counters = new Map<string, number>();
    return playbookLines(archetype).map(({ section, text }): KnowledgeEntry => {
      const index = counters.get(section) ?? 0;
      counters.set(section, index + 1);
      return {
        id: `playbook:${archetype.id}:${section}:${index}`,
        module: null,
        archetypes: [archetype.id],
        language: 'pl',
        text,
        source: packSource,
      };
    });
  });
  return [...fromModules, ...fromArchetypes];
}
