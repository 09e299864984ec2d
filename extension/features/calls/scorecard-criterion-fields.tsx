import { SPEAKERS, type Speaker } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import type { CriterionPatch } from './scorecard-draft-edits';
import { numberOf, type CriterionDraft } from './scorecard-draft';
import { ScorecardEvidenceList } from './scorecard-evidence-list';
import { ScorecardField } from './scorecard-field';

/**
 * One criterion of the form, as a group named by its position and label: its fields, its phrases, and
 * the buttons that move or remove it. `error(field)` is the message for a field, once the form shows them.
 */
export function ScorecardCriterionFields({
  id,
  criterion: c,
  index,
  count,
  error,
  onLabel,
  onId,
  onChange,
  onMove,
  onRemove,
  focus,
}: {
  id: string;
  criterion: CriterionDraft;
  index: number;
  count: number;
  error: (field: string) => string | undefined;
  onLabel: (label: string) => void;
  onId: (id: string) => void;
  onChange: (patch: CriterionPatch) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  focus: (id: string) => void;
}) {
  const t = useT();
  const legend = t('scorecards.criterion.legend', { n: String(index + 1), label: c.label.trim() || t('scorecards.criterion.untitled') });
  // The buttons' names: the label, or the position while there is none.
  const name = c.label.trim() || legend;
  const needed = numberOf(c.needed);
  const phrases = c.evidence.filter((phrase) => phrase.trim()).length;
  const unreachable = !c.forbidden && Number.isInteger(needed) && needed > phrases && phrases > 0;

  return (
    <fieldset className="criterion-editor">
      <legend>{legend}</legend>
      <ScorecardField id={`${id}-label`} label={t('scorecards.criterion.label')} error={error('label')}>
        {(control) => <input {...control} type="text" value={c.label} onChange={(event) => onLabel(event.target.value)} />}
      </ScorecardField>
      {c.saved ? (
        <p className="criterion-id">
          <span className="label-like">{t('scorecards.criterion.id')}:</span> <code>{c.id}</code>{' '}
          <span className="muted">({t('scorecards.criterion.idFixed')})</span>
        </p>
      ) : (
        <ScorecardField id={`${id}-id`} label={t('scorecards.criterion.id')} hint={t('scorecards.criterion.idHint')} error={error('id')}>
          {(control) => (
            <input {...control} type="text" value={c.id} autoCapitalize="off" autoComplete="off" spellCheck={false} onChange={(event) => onId(event.target.value)} />
          )}
        </ScorecardField>
      )}
      <ScorecardField id={`${id}-description`} label={t('scorecards.criterion.description')} error={error('description')}>
        {(control) => <textarea {...control} value={c.description} onChange={(event) => onChange({ description: event.target.value })} />}
      </ScorecardField>
      <div className="criterion-grid">
        <ScorecardField id={`${id}-weight`} label={t('scorecards.criterion.weight')} error={error('weight')}>
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={1} max={100} step={1} value={c.weight} onChange={(event) => onChange({ weight: event.target.value })} />
          )}
        </ScorecardField>
        <ScorecardField id={`${id}-side`} label={t('scorecards.criterion.side')}>
          {(control) => (
            <select {...control} value={c.side} onChange={(event) => onChange({ side: event.target.value as Speaker })}>
              {SPEAKERS.map((side) => (
                <option key={side} value={side}>
                  {t(`scorecards.side.${side}`)}
                </option>
              ))}
            </select>
          )}
        </ScorecardField>
        {!c.forbidden && (
          <ScorecardField id={`${id}-needed`} label={t('scorecards.criterion.needed')} hint={t('scorecards.criterion.neededHint')} error={error('needed')}>
            {(control) => (
              <input {...control} type="number" inputMode="numeric" min={1} max={10} step={1} value={c.needed} onChange={(event) => onChange({ needed: event.target.value })} />
            )}
          </ScorecardField>
        )}
      </div>
      <div className="stack">
        <label className="choice">
          <input type="checkbox" checked={c.autoFail} onChange={(event) => onChange({ autoFail: event.target.checked })} />
          {t('scorecards.criterion.autoFail')}
        </label>
        <label className="choice">
          <input type="checkbox" checked={c.forbidden} aria-describedby={`${id}-forbidden-hint`} onChange={(event) => onChange({ forbidden: event.target.checked })} />
          {t('scorecards.criterion.forbidden')}
        </label>
        <p id={`${id}-forbidden-hint`} className="hint muted">
          {t('scorecards.criterion.forbiddenHint')}
        </p>
      </div>
      <ScorecardEvidenceList
        id={`${id}-evidence`}
        phrases={c.evidence}
        forbidden={c.forbidden}
        listError={error('evidence')}
        phraseError={(n) => error(`evidence.${n}`)}
        onChange={(evidence) => onChange({ evidence })}
        focus={focus}
      />
      {unreachable && (
        <p className="warning">{t('scorecards.criterion.neededUnreachable', { needed: String(needed), count: String(phrases) })}</p>
      )}
      <div className="row criterion-actions">
        <button id={`${id}-up`} type="button" className="secondary small" disabled={index === 0} aria-label={t('scorecards.criterion.moveUpLabel', { label: name })} onClick={() => onMove(-1)}>
          {t('scorecards.criterion.moveUp')}
        </button>
        <button
          id={`${id}-down`}
          type="button"
          className="secondary small"
          disabled={index === count - 1}
          aria-label={t('scorecards.criterion.moveDownLabel', { label: name })}
          onClick={() => onMove(1)}
        >
          {t('scorecards.criterion.moveDown')}
        </button>
        <button type="button" className="secondary small danger" aria-label={t('scorecards.criterion.removeLabel', { label: name })} onClick={onRemove}>
          {t('scorecards.criterion.remove')}
        </button>
      </div>
    </fieldset>
  );
}
