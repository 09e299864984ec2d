import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ARCHETYPE_IDS,
  ArchetypeSchema,
  KnowledgeModuleSchema,
  KnowledgePackSchema,
  MODULE_IDS,
  ScoringRulesSchema,
  type KnowledgePack,
} from '@sufler/shared';
import { parse } from 'yaml';
import type { z } from 'zod';
import { checkPack } from './check-pack';
import { KnowledgePackError, describeIssues } from './knowledge-pack-error';
import { SignalsFileSchema, signalLexiconFrom } from './signals-file';

export { KnowledgePackError, type KnowledgePackErrorCode } from './knowledge-pack-error';
export { packEntries, unfilledTemplates } from './pack-entries';

/** The pack that ships with Sufler: `api/knowledge/ev-dealership-pl`, wherever the checkout lives. */
export const DEFAULT_PACK_DIR = fileURLToPath(new URL('../../../knowledge/ev-dealership-pl', import.meta.url));

const PackMetaSchema = KnowledgePackSchema.pick({ id: true, version: true, name: true });

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

async function readYaml(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (error) {
    if (isMissing(error)) throw new KnowledgePackError('MISSING_FILE', file, ['file missing']);
    throw error;
  }
  try {
    return parse(text);
  } catch (error) {
    // The yaml error's first line carries the problem and its line and column.
    const message = error instanceof Error ? error.message.split('\n')[0]!.replace(/:$/, '') : String(error);
    throw new KnowledgePackError('INVALID_YAML', file, [`invalid YAML: ${message}`]);
  }
}

/** Keys in the file that the schema does not know: most likely a typo that would otherwise be dropped silently. */
function unknownFields(raw: unknown, parsed: unknown, path: string[] = []): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((r, i) => unknownFields(r, parsed[i], [...path, String(i)]));
  if (!raw || !parsed || typeof raw !== 'object' || typeof parsed !== 'object') return [];
  return Object.entries(raw).flatMap(([key, value]) =>
    key in parsed ? unknownFields(value, (parsed as Record<string, unknown>)[key], [...path, key]) : [[...path, key].join('.')],
  );
}

async function readValid<S extends z.ZodType>(dir: string, file: string, schema: S): Promise<z.output<S>> {
  const raw = await readYaml(dir, file);
  const result = schema.safeParse(raw);
  if (!result.success) throw new KnowledgePackError('INVALID_FIELD', file, describeIssues(result.error.issues, raw));
  const unknown = unknownFields(raw, result.data);
  if (unknown.length) throw new KnowledgePackError('INVALID_FIELD', file, unknown.map((p) => `${p}: unknown field`));
  return result.data;
}

/** One file per id, named after it: `archetypes/family_guardian.yaml` holds `id: family_guardian`. */
async function readFolder<S extends z.ZodType<{ id: string }>>(dir: string, folder: string, ids: readonly string[], schema: S) {
  let names: string[];
  try {
    names = await readdir(join(dir, folder));
  } catch (error) {
    if (isMissing(error)) throw new KnowledgePackError('MISSING_FILE', `${folder}/`, ['folder missing']);
    throw error;
  }
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n))) {
    const stem = name.replace(/\.ya?ml$/i, '');
    if (!ids.includes(stem) || !name.endsWith('.yaml')) {
      throw new KnowledgePackError('UNEXPECTED_FILE', `${folder}/${name}`, [
        `the file name must be one of the ids followed by .yaml: ${ids.join(', ')}`,
      ]);
    }
  }
  const parts: { file: string; value: z.output<S> }[] = [];
  for (const id of ids) {
    const file = `${folder}/${id}.yaml`;
    const value = await readValid(dir, file, schema);
    if (value.id !== id) throw new KnowledgePackError('INVALID_FIELD', file, [`id: "${value.id}" does not match the file name`]);
    parts.push({ file, value });
  }
  return parts;
}

/**
 * Loads a knowledge pack from its folder of YAML files (see the pack's README) and validates all of
 * it; the first file with problems throws a KnowledgePackError naming the file, the field and the
 * problem, and nothing is loaded. Archetypes and modules come out in vocabulary order, so the pack
 * (and its entries) do not depend on the order the file system lists them in.
 */
export async function loadKnowledgePack(dir: string): Promise<KnowledgePack> {
  const meta = await readValid(dir, 'pack.yaml', PackMetaSchema);
  const archetypes = await readFolder(dir, 'archetypes', ARCHETYPE_IDS, ArchetypeSchema);
  const modules = await readFolder(dir, 'modules', MODULE_IDS, KnowledgeModuleSchema);
  const signals = { file: 'signals.yaml', value: await readValid(dir, 'signals.yaml', SignalsFileSchema) };
  const scoring = { file: 'scoring-rules.yaml', value: await readValid(dir, 'scoring-rules.yaml', ScoringRulesSchema) };

  const [first] = checkPack({ archetypes, modules, signals, scoring });
  if (first) throw new KnowledgePackError(first.code, first.file, first.problems);

  const pack = {
    ...meta,
    archetypes: archetypes.map((a) => a.value),
    modules: modules.map((m) => m.value),
    signals: signalLexiconFrom(signals.value),
    scoring: scoring.value,
  };
  // Each part passed its own schema; this guards the assembled shape (counts, lexicon) all the same.
  const result = KnowledgePackSchema.safeParse(pack);
  if (!result.success) throw new KnowledgePackError('INVALID_FIELD', 'pack.yaml', describeIssues(result.error.issues));
  return result.data;
}
