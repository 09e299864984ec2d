import type { z } from 'zod';

export type KnowledgePackErrorCode = 'MISSING_FILE' | 'UNEXPECTED_FILE' | 'INVALID_YAML' | 'INVALID_FIELD' | 'DUPLICATE_ID';

/**
 * A knowledge pack that cannot be loaded. The pack is edited by hand by an admin, so the message
 * names the file, the field path and the problem (`archetypes/family_guardian.yaml: signals.3.weight:
 * Too big…`), one line per problem, and nothing of the pack is used.
 */
export class KnowledgePackError extends Error {
  constructor(
    readonly code: KnowledgePackErrorCode,
    /** The file relative to the pack folder, e.g. `modules/family.yaml`. */
    readonly file: string,
    /** One `path: problem` per line, without the file. */
    readonly problems: string[],
  ) {
    super(problems.map((p) => `${file}: ${p}`).join('\n'));
    this.name = 'KnowledgePackError';
  }
}

/** Dotted field path the admin can follow in the file; `(root)` for the whole document. */
export const fieldPath = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(root)');

const MAX_PROBLEMS = 8;

/**
 * The id of the innermost listed item a path runs through (a signal, a rule, a fact), so the admin
 * need not count list entries: `12.pl.2.strength: Too big… (in "delay")`. The document's own id is left out.
 */
export function nearestId(doc: unknown, path: readonly PropertyKey[]): string | null {
  let node = doc;
  let found: string | null = null;
  for (const key of path) {
    if (!node || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key];
    const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
    if (typeof id === 'string') found = id;
  }
  return found;
}

/** Turns zod issues into `path: message` lines, at most a handful so one typo does not flood the log. */
export function describeIssues(issues: z.ZodError['issues'], doc?: unknown): string[] {
  const lines = issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const id = nearestId(doc, issue.path);
    return `${fieldPath(issue.path)}: ${issue.message}${id ? ` (in "${id}")` : ''}`;
  });
  if (issues.length > MAX_PROBLEMS) lines.push(`… and ${issues.length - MAX_PROBLEMS} more problems`);
  return lines;
}
