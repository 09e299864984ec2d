import type { ScorecardInput, Speaker } from '@sufler/shared';

/**
 * A template as the form edits it. Numbers stay as typed ("", "1.5") so validation can say what is wrong
 * with them; `uid` keys a criterion's row through reorders and id edits.
 */
export interface CriterionDraft {
  uid: string;
  id: string;
  /** In a saved version: the id is fixed, since overrides and trends are keyed by it. */
  saved: boolean;
  /** The admin typed the id: it no longer follows the label. */
  idEdited: boolean;
  label: string;
  description: string;
  weight: string;
  side: Speaker;
  autoFail: boolean;
  forbidden: boolean;
  needed: string;
  evidence: string[];
}

export interface ScorecardDraft {
  key: string;
  name: string;
  description: string;
  criteria: CriterionDraft[];
}

let lastUid = 0;
const nextUid = () => `criterion-${++lastUid}`;

/** The draft of a saved template; `uids` keep the rows of the draft it was saved from (in the same order). */
export function draftOf(card: ScorecardInput, uids: readonly string[] = []): ScorecardDraft {
  return {
    key: card.key,
    name: card.name,
    description: card.description,
    criteria: card.criteria.map((c, index) => ({
      uid: uids[index] ?? nextUid(),
      id: c.id,
      saved: true,
      idEdited: false,
      label: c.label,
      description: c.description,
      weight: String(c.weight),
      side: c.side,
      autoFail: c.autoFail,
      forbidden: c.forbidden === true,
      needed: String(c.needed),
      evidence: [...c.evidence],
    })),
  };
}

/** A criterion not saved yet: its id will follow its label. */
export function blankCriterion(): CriterionDraft {
  return {
    uid: nextUid(),
    id: '',
    saved: false,
    idEdited: false,
    label: '',
    description: '',
    weight: '10',
    side: 'CONSULTANT',
    autoFail: false,
    forbidden: false,
    needed: '1',
    evidence: [''],
  };
}

/** A new template: one blank criterion, since a template needs at least one. */
export const emptyDraft = (): ScorecardDraft => ({ key: '', name: '', description: '', criteria: [blankCriterion()] });

/** A whole number as typed, or NaN (which the schema rejects with the field's message). */
export const numberOf = (typed: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(typed) ? Number(typed) : Number.NaN);

/** The sum of the weights that are numbers: the total score is a share of it, so it need not be 100. */
export const weightTotal = (draft: ScorecardDraft) =>
  draft.criteria.reduce((sum, c) => (Number.isFinite(numberOf(c.weight)) ? sum + numberOf(c.weight) : sum), 0);

/** What `ScorecardInputSchema` reads: `needed` does not apply to forbidden phrases, so a bad one is not asked about. */
export function rawInputOf(draft: ScorecardDraft): unknown {
  return {
    key: draft.key,
    name: draft.name,
    description: draft.description,
    criteria: draft.criteria.map((c) => {
      const needed = numberOf(c.needed);
      return {
        id: c.id,
        label: c.label,
        description: c.description,
        weight: numberOf(c.weight),
        side: c.side,
        autoFail: c.autoFail,
        evidence: c.evidence,
        needed: c.forbidden && !(Number.isInteger(needed) && needed >= 1 && needed <= 10) ? 1 : needed,
        ...(c.forbidden ? { forbidden: true } : {}),
      };
    }),
  };
}

/** Whether two drafts hold the same template as typed (row keys and id bookkeeping aside). */
export const sameDraft = (a: ScorecardDraft, b: ScorecardDraft) => JSON.stringify(typed(a)) === JSON.stringify(typed(b));

const typed = ({ criteria, ...card }: ScorecardDraft) => ({
  ...card,
  criteria: criteria.map(({ uid: _uid, saved: _saved, idEdited: _idEdited, ...criterion }) => criterion),
});
