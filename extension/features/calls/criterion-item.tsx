import type { CriterionScore } from '@sufler/shared';
import { useState } from 'react';
import { useT } from '../../lib/i18n';
import type { CallsClient } from './calls-client';
import { OverrideForm } from './override-form';
import { formatClock } from './format';
import { useOverrideCriterion } from './use-override';

const MARK = { met: '✓', partly: '≈', not_met: '✗' } as const;

/**
 * One criterion: the result that counts (in words, with a mark, never colour alone), the quoted evidence with
 * a link to its moment, who concluded it (AI or rules) and the reviewer's override next to the automatic result.
 */
export function CriterionItem({
  client,
  callId,
  criterion,
  onSeek,
}: {
  client: CallsClient;
  callId: string;
  criterion: CriterionScore;
  onSeek: (ms: number) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const override = useOverrideCriterion(client, callId);
  const { automatic } = criterion;
  const evidence = automatic.evidence;

  return (
    <li className="criterion card" data-result={criterion.result}>
      <div className="row criterion-head">
        <p className="criterion-label">{criterion.label}</p>
        <span className="result" data-result={criterion.result}>
          <span aria-hidden="true">{MARK[criterion.result]} </span>
          {t(`calls.result.${criterion.result}`)}
        </span>
      </div>
      <p className="muted">
        {t('calls.criterion.weight', { weight: String(criterion.weight) })}
        {criterion.autoFail && <> · {t('calls.criterion.autoFail')}</>}
        {' · '}
        {t(`calls.source.${automatic.source}`)}
      </p>
      {criterion.override && (
        <div className="override-note">
          <p>
            {t('calls.criterion.overridden', { result: t(`calls.result.${criterion.override.result}`) })}{' '}
            <span className="muted">{t('calls.criterion.automatic', { result: t(`calls.result.${automatic.result}`) })}</span>
          </p>
          <p className="comment">{criterion.override.comment}</p>
        </div>
      )}
      {evidence ? (
        <div className="evidence-quote">
          <blockquote className="quote">{evidence.quote}</blockquote>
          <button
            type="button"
            className="link time"
            aria-label={t('calls.criterion.seek', { time: formatClock(evidence.atMs), label: criterion.label })}
            onClick={() => onSeek(evidence.atMs)}
          >
            {formatClock(evidence.atMs)}
          </button>
        </div>
      ) : (
        <p className="muted">{t('calls.criterion.noEvidence')}</p>
      )}
      {automatic.rationale && <p className="muted">{automatic.rationale}</p>}
      {open ? (
        <OverrideForm
          criterion={criterion}
          saving={override.isPending}
          failed={override.isError}
          onCancel={() => setOpen(false)}
          onSave={(result, comment) => override.mutate({ criterionId: criterion.criterionId, result, comment }, { onSuccess: () => setOpen(false) })}
        />
      ) : (
        <div className="row">
          <button
            type="button"
            className="secondary small"
            aria-label={t('calls.criterion.overrideLabel', { label: criterion.label })}
            onClick={() => {
              override.reset();
              setOpen(true);
            }}
          >
            {criterion.override ? t('calls.criterion.changeOverride') : t('calls.criterion.override')}
          </button>
          {criterion.override && (
            <button
              type="button"
              className="secondary small"
              disabled={override.isPending}
              aria-label={t('calls.criterion.removeLabel', { label: criterion.label })}
              onClick={() => override.mutate({ criterionId: criterion.criterionId, result: null })}
            >
              {t('calls.criterion.remove')}
            </button>
          )}
          {override.isError && (
            <p role="alert" className="error">
              {t('calls.criterion.saveError')}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
