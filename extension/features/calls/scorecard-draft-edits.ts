import { deriveCriterionId } from './scorecard-criterion-id';
import { blankCriterion, type CriterionDraft, type ScorecardDraft } from './scorecard-draft';

/** The form's edits of a draft, as pure functions (each returns a new draft). */

/** The plain fields of one criterion; its label goes through `withLabel`, which may move its id too. */
export type CriterionPatch = Partial<Pick<CriterionDraft, 'description' | 'weight' | 'side' | 'autoFail' | 'forbidden' | 'needed' | 'evidence'>>;

const mapCriterion = (draft: ScorecardDraft, uid: string, edit: (c: CriterionDraft) => CriterionDraft): ScorecardDraft => ({
  ...draft,
  criteria: draft.criteria.map((c) => (c.uid === uid ? edit(c) : c)),
});

const idsBesides = (draft: ScorecardDraft, uid: string) => new Set(draft.criteria.filter((c) => c.uid !== uid).map((c) => c.id));

export const withCriterion = (draft: ScorecardDraft, uid: string, patch: CriterionPatch) => mapCriterion(draft, uid, (c) => ({ ...c, ...patch }));

/** A new criterion's id follows its label until the admin types one; a saved one's never moves. */
export const withLabel = (draft: ScorecardDraft, uid: string, label: string) =>
  mapCriterion(draft, uid, (c) => ({ ...c, label, id: c.saved || c.idEdited ? c.id : deriveCriterionId(label, idsBesides(draft, uid)) }));

/** The admin's own id for a new criterion (lower case, as ids are); emptied, it follows the next label edit again. */
export const withId = (draft: ScorecardDraft, uid: string, id: string) =>
  mapCriterion(draft, uid, (c) => (c.saved ? c : { ...c, id: id.toLowerCase(), idEdited: id !== '' }));

export function withCriterionAdded(draft: ScorecardDraft): { draft: ScorecardDraft; uid: string } {
  const criterion = blankCriterion();
  return { draft: { ...draft, criteria: [...draft.criteria, criterion] }, uid: criterion.uid };
}

export const withCriterionRemoved = (draft: ScorecardDraft, uid: string): ScorecardDraft => ({
  ...draft,
  criteria: draft.criteria.filter((c) => c.uid !== uid),
});

/** One place up (-1) or down (+1); at either end, unchanged. */
export function withCriterionMoved(draft: ScorecardDraft, uid: string, by: -1 | 1): ScorecardDraft {
  const from = draft.criteria.findIndex((c) => c.uid === uid);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.criteria.length) return draft;
  const criteria = [...draft.criteria];
  [criteria[from], criteria[to]] = [criteria[to]!, criteria[from]!];
  return { ...draft, criteria };
}
