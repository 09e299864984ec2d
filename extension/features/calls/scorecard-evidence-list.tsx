import { useT } from '../../lib/i18n';

/**
 * A criterion's evidence phrases, one field each: add, remove, and Enter in a field opens the next one
 * (rather than submitting the form). `focus` puts the keyboard on the field added or the one after a removal.
 */
export function ScorecardEvidenceList({
  id,
  phrases,
  forbidden,
  listError,
  phraseError,
  onChange,
  focus,
}: {
  id: string;
  phrases: readonly string[];
  forbidden: boolean;
  listError: string | undefined;
  phraseError: (index: number) => string | undefined;
  onChange: (phrases: string[]) => void;
  focus: (id: string) => void;
}) {
  const t = useT();
  const phraseId = (index: number) => `${id}-${index}`;
  const addAt = (index: number) => {
    onChange([...phrases.slice(0, index), '', ...phrases.slice(index)]);
    focus(phraseId(index));
  };
  const removeAt = (index: number) => {
    onChange(phrases.filter((_, i) => i !== index));
    focus(index < phrases.length - 1 ? phraseId(index) : `${id}-add`);
  };
  const described = [`${id}-hint`, listError ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <fieldset className="evidence-editor" aria-describedby={described}>
      <legend>{t(forbidden ? 'scorecards.evidence.legendForbidden' : 'scorecards.evidence.legend')}</legend>
      <p id={`${id}-hint`} className="hint muted">
        {t('scorecards.evidence.hint')}
      </p>
      {phrases.length > 0 && (
        <ul className="plain stack">
          {phrases.map((phrase, index) => {
            const error = phraseError(index);
            const n = String(index + 1);
            return (
              // By position: phrases have no identity of their own, and the fields are controlled.
              <li key={index}>
                <div className="evidence-row">
                  <input
                    id={phraseId(index)}
                    type="text"
                    value={phrase}
                    aria-label={t('scorecards.evidence.phrase', { n })}
                    aria-invalid={Boolean(error)}
                    aria-describedby={error ? `${phraseId(index)}-error` : undefined}
                    onChange={(event) => onChange(phrases.map((p, i) => (i === index ? event.target.value : p)))}
                    onKeyDown={(event) => {
                      if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
                      event.preventDefault();
                      addAt(index + 1);
                    }}
                  />
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={t('scorecards.evidence.removeLabel', { n, phrase })}
                    onClick={() => removeAt(index)}
                  >
                    {t('scorecards.evidence.remove')}
                  </button>
                </div>
                {error && (
                  <p id={`${phraseId(index)}-error`} className="error">
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {listError && (
        <p id={`${id}-error`} className="error">
          {listError}
        </p>
      )}
      <button id={`${id}-add`} type="button" className="secondary small" onClick={() => addAt(phrases.length)}>
        {t('scorecards.evidence.add')}
      </button>
    </fieldset>
  );
}
