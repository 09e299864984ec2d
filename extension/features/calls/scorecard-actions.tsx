import { useT, type Translate } from '../../lib/i18n';
import { trpcErrorCode } from './calls-client';
import type { useSaveScorecard } from './scorecard-data';
import { weightTotal, type ScorecardDraft } from './scorecard-draft';

/**
 * The form's footer, kept in view while the criteria scroll by: the weights' total (a note, not an error,
 * when it is not 100: a call's score is a share of the weights there are), why a save did not happen,
 * save and discard, and the version a save made.
 */
export function ScorecardActions({
  draft,
  isNew,
  dirty,
  invalidCount,
  save,
  onDiscard,
}: {
  draft: ScorecardDraft;
  isNew: boolean;
  dirty: boolean;
  invalidCount: number;
  save: ReturnType<typeof useSaveScorecard>;
  onDiscard: () => void;
}) {
  const t = useT();
  const total = weightTotal(draft);
  return (
    <div className="stack scorecard-actions">
      <div aria-live="polite">
        <p className="weight-total">{t('scorecards.weights.total', { total: String(total) })}</p>
        {total !== 100 && <p className="warning">{t('scorecards.weights.notHundred')}</p>}
      </div>
      {invalidCount > 0 && (
        <p role="alert" className="error">
          {t('scorecards.invalid', { count: String(invalidCount) })}
        </p>
      )}
      {save.isError && (
        <p role="alert" className="error">
          {saveErrorMessage(t, save.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('scorecards.saving') : t(isNew ? 'scorecards.saveNew' : 'scorecards.save')}
        </button>
        <button type="button" className="secondary" disabled={!dirty || save.isPending} onClick={onDiscard}>
          {t('scorecards.discard')}
        </button>
      </div>
      <p role="status" className="ok">
        {save.data && !dirty ? t('scorecards.saved', { key: save.data.key, version: String(save.data.version) }) : ''}
      </p>
    </div>
  );
}

/** The API's refusal in words; the code decides which (the tRPC error code, or none: no answer at all). */
function saveErrorMessage(t: Translate, error: unknown): string {
  const code = trpcErrorCode(error);
  if (code === 'FORBIDDEN' || code === 'UNAUTHORIZED' || code === 'BAD_REQUEST' || code === 'CONFLICT') return t(`scorecards.saveError.${code}`);
  if (code === null) return t('scorecards.saveError.network');
  return t('scorecards.saveError.other', { code });
}
