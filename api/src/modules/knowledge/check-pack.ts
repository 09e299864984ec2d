import { SIGNAL_IDS, foldForSearch, type Archetype, type KnowledgeModule, type ScoringRules } from '@sufler/shared';
import { fieldPath, type KnowledgePackErrorCode } from './knowledge-pack-error';
import { isTemplate } from './pack-entries';
import type { SignalsFile } from './signals-file';

/** The pack's files after each passed its own schema, before they are put together. */
export type PackParts = {
  archetypes: { file: string; value: Archetype }[];
  modules: { file: string; value: KnowledgeModule }[];
  signals: { file: string; value: SignalsFile };
  scoring: { file: string; value: ScoringRules };
};

/** Problems found across files, grouped by file in load order; `code` is that of the file's first problem. */
export type FileProblems = { file: string; code: KnowledgePackErrorCode; problems: string[] }[];

/** How a template fact names its source until the admin fills it in. */
const TEMPLATE_SOURCE = /do uzupełnienia/i;
const PLACEHOLDER_SYNTAX = /^(?:[^{}]|\{\{[a-z0-9_]+\}\})*$/;

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Every string in a value with its path, so no free text escapes the placeholder check. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Reports a term that appears twice in one list: it would be counted with one weight and silently lose the other. */
function duplicateTerms(terms: string[], path: (i: number) => string): string[] {
  const seen = new Map<string, number>();
  return terms.flatMap((term, i) => {
    const key = foldForSearch(term);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return [];
    }
    return [`${path(i)}: duplicate term "${term}" (same as ${path(first)})`];
  });
}

/**
 * Checks that span the whole pack or that the schemas cannot express: ids unique across files,
 * placeholders only inside facts (anything else reaches the model as is), real dates, no
 * duplicate terms, every signal listed once.
 */
export function checkPack(parts: PackParts): FileProblems {
  const out = new Map<string, { code: KnowledgePackErrorCode; problems: string[] }>();
  const report = (file: string, problem: string, code: KnowledgePackErrorCode = 'INVALID_FIELD') => {
    const entry = out.get(file) ?? { code, problems: [] };
    entry.problems.push(problem);
    out.set(file, entry);
  };

  for (const { file, value } of parts.archetypes) {
    for (const [path, text] of strings(value)) if (isTemplate(text)) report(file, `${fieldPath(path)}: placeholders ({{…}}) belong only in module facts`);
    for (const p of duplicateTerms(value.signals.map((s) => s.term), (i) => `signals.${i}.term`)) report(file, p);
  }

  const ids = new Map<string, string>();
  for (const { file, value } of parts.modules) {
    for (const p of duplicateTerms(value.keywords, (i) => `keywords.${i}`)) report(file, p);
    const items = [
      ...value.facts.map((f, i) => ({ id: f.id, path: `facts.${i}` })),
      ...value.strategies.map((s, i) => ({ id: s.id, path: `strategies.${i}` })),
    ];
    for (const { id, path } of items) {
      const first = ids.get(id);
      if (first) report(file, `${path}.id: "${id}" is already used by ${first} (fact and strategy ids are unique in the pack)`, 'DUPLICATE_ID');
      else ids.set(id, `${file} ${path}`);
    }
    value.facts.forEach((fact, i) => {
      if (!isCalendarDate(fact.asOf)) report(file, `facts.${i}.asOf: "${fact.asOf}" is not a real date`);
      if (!PLACEHOLDER_SYNTAX.test(fact.text)) report(file, `facts.${i}.text: write placeholders as {{lower_case_name}}`);
      if (!isTemplate(fact.text) && TEMPLATE_SOURCE.test(fact.source)) {
        report(file, `facts.${i}.source: the fact is filled in, so name where its values come from`);
      }
      if (isTemplate(fact.source)) report(file, `facts.${i}.source: placeholders belong in the text, not the source`);
    });
    const { facts: _facts, ...rest } = value;
    for (const [path, text] of strings(rest)) if (isTemplate(text)) report(file, `${fieldPath(path)}: placeholders ({{…}}) belong only in facts`);
  }

  const signals = parts.signals;
  signals.value.forEach((signal, i) => {
    if (signals.value.findIndex((s) => s.id === signal.id) !== i) report(signals.file, `${i}.id: "${signal.id}" is listed twice`, 'DUPLICATE_ID');
    const terms = [...signal.pl, ...signal.en].map((t) => t.term);
    const where = (j: number) => (j < signal.pl.length ? `${i}.pl.${j}.term` : `${i}.en.${j - signal.pl.length}.term`);
    for (const p of duplicateTerms(terms, where)) report(signals.file, `${p} in "${signal.id}"`);
  });
  for (const id of SIGNAL_IDS) if (!signals.value.some((s) => s.id === id)) report(signals.file, `(root): signal "${id}" is missing`);

  const ruleIds = new Map<string, number>();
  parts.scoring.value.rules.forEach((rule, i) => {
    const first = ruleIds.get(rule.id);
    if (first !== undefined) report(parts.scoring.file, `rules.${i}.id: "${rule.id}" is already used by rules.${first}`, 'DUPLICATE_ID');
    else ruleIds.set(rule.id, i);
  });

  return [...out].map(([file, entry]) => ({ file, ...entry }));
}
