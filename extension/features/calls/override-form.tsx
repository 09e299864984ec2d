import { CRITERION_RESULTS, type CriterionResult, type CriterionScore } from '@sufler/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';

/** The reviewer's verdict on one criterion; a comment is required (it is what the consultant reads). */
export function OverrideForm({
  criterion,
  saving,
  failed,
  onSave,
  onCancel,
}: {
  criterion: CriterionScore;
  saving: boolean;
  failed: boolean;
  onSave: (result: CriterionResult, comment: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [result, setResult] = useState<CriterionResult>(criterion.override?.result ?? criterion.automatic.result);
  const [comment, setComment] = useState(criterion.override?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const commentField = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setMissing(true);
      commentField.current?.focus();
      return;
    }
    onSave(result, comment.trim());
  };

  return (
    <form onSubmit={submit} aria-label={t('calls.override.form', { label: criterion.label })} className="override-form" noValidate>
      <fieldset>
        <legend>{t('calls.override.result')}</legend>
        {CRITERION_RESULTS.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={`${id}-result`} value={value} checked={result === value} onChange={() => setResult(value)} />
            {t(`calls.result.${value}`)}
            {value === criterion.automatic.result && <span className="muted"> ({t('calls.override.automatic')})</span>}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-comment`}>{t('calls.override.comment')}</label>
      <textarea
        id={`${id}-comment`}
        ref={commentField}
        value={comment}
        maxLength={1000}
        required
        aria-invalid={missing && !comment.trim()}
        aria-describedby={missing && !comment.trim() ? `${id}-missing` : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      {missing && !comment.trim() && (
        <p id={`${id}-missing`} className="error">
          {t('calls.override.commentRequired')}
        </p>
      )}
      {failed && (
        <p role="alert" className="error">
          {t('calls.criterion.saveError')}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={saving}>
          {saving ? t('calls.override.saving') : t('calls.override.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('calls.override.cancel')}
        </button>
      </div>
    </form>
  );
}
