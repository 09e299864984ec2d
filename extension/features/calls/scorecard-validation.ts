import { ScorecardInputSchema, type ScorecardInput } from '@sufler/shared';
import type { MessageKey } from '../../lib/i18n';
import { rawInputOf, type ScorecardDraft } from './scorecard-draft';

/** A field's message: the key in the dictionaries and its placeholders. */
export interface FieldError {
  key: MessageKey;
  params?: Record<string, string>;
}

/**
 * Field errors by field: `key`, `name`, `description`, `criteria` (the list), and per criterion
 * `<uid>.<field>`, `<uid>.evidence` (the list) and `<uid>.evidence.<n>` (one phrase).
 */
export type ScorecardErrors = ReadonlyMap<string, FieldError>;

export type ScorecardValidation = { ok: true; input: ScorecardInput } | { ok: false; errors: ScorecardErrors };

export const criterionField = (uid: string, field: string) => `${uid}.${field}`;

/**
 * The draft checked by the API's own schema (`ScorecardInputSchema`), its messages in the UI's words next
 * to each field. Two checks the schema cannot make for one field: a repeated criterion id (the schema says
 * only that the list has one), and, for a new template, a key already in use, which would silently save a
 * new version of that template rather than a template of its own.
 */
export function validateScorecardDraft(draft: ScorecardDraft, { takenKeys }: { takenKeys: readonly string[] | null }): ScorecardValidation {
  const errors = new Map<string, FieldError>();
  const add = (field: string, error: FieldError) => void (errors.has(field) || errors.set(field, error));
  const parsed = ScorecardInputSchema.safeParse(rawInputOf(draft));
  for (const issue of parsed.error?.issues ?? []) {
    const [top, index, field, item] = issue.path;
    const uid = typeof index === 'number' ? draft.criteria[index]?.uid : undefined;
    if (top === 'criteria' && uid && typeof field === 'string') {
      add(item === undefined ? criterionField(uid, field) : criterionField(uid, `${field}.${String(item)}`), messageFor(issue, field, item !== undefined));
    } else if (typeof top === 'string' && index === undefined && !(top === 'criteria' && issue.code === 'custom')) {
      // (The list's custom issue is its repeated ids, put next to each repeat below.)
      add(top, messageFor(issue, top, false));
    }
  }
  const seen = new Set<string>();
  for (const c of draft.criteria) {
    const id = c.id.trim();
    if (id && seen.has(id)) add(criterionField(c.uid, 'id'), { key: 'scorecards.error.duplicateId' });
    seen.add(id);
  }
  if (takenKeys?.includes(draft.key.trim())) add('key', { key: 'scorecards.error.keyTaken', params: { key: draft.key.trim() } });
  if (errors.size > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

interface Issue {
  code: string;
  maximum?: unknown;
}

function messageFor(issue: Issue, field: string, isItem: boolean): FieldError {
  if (field === 'key') return { key: 'scorecards.error.key' };
  if (field === 'id') return { key: 'scorecards.error.criterionId' };
  if (field === 'weight') return { key: 'scorecards.error.weight' };
  if (field === 'needed') return { key: 'scorecards.error.needed' };
  if (field === 'criteria') return { key: issue.code === 'too_big' ? 'scorecards.error.criteriaMax' : 'scorecards.error.criteriaMin' };
  if (field === 'evidence' && !isItem) return { key: issue.code === 'too_big' ? 'scorecards.error.evidenceMax' : 'scorecards.error.evidenceMin' };
  if (issue.code === 'too_big') return { key: 'scorecards.error.tooLong', params: { max: String(issue.maximum) } };
  return { key: 'scorecards.error.required' };
}
