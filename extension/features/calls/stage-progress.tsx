import { useId } from 'react';
import type { CallStage, CallStageName } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import { ProgressBar } from './progress-bar';
import { currentStage } from './stage-view';

/**
 * The processing stages in order, each with its state in words, its progress while it runs, its note and
 * its error; a failed stage can be run again (the stages before it are kept). Folded once all are done.
 */
export function StageProgress({
  stages,
  lost,
  rerunning,
  rerunFailed,
  onRerun,
}: {
  stages: readonly CallStage[];
  lost: boolean;
  rerunning: CallStageName | null;
  rerunFailed: boolean;
  onRerun: (stage: CallStageName) => void;
}) {
  const t = useT();
  const id = useId();
  const allDone = stages.length > 0 && stages.every((stage) => stage.state === 'done');
  const current = currentStage(stages);
  const list = (
    <ol className="plain stack stages" aria-labelledby={`${id}-heading`}>
      {stages.map((stage) => (
        <li key={stage.stage} className="stage" data-state={stage.state}>
          <p className="row stage-head">
            <span className="stage-name">{t(`calls.stage.${stage.stage}`)}</span>
            <span className="status" data-status={stage.state}>
              {t(`calls.stageState.${stage.state}`)}
            </span>
            {stage.attempts > 1 && <span className="muted">{t('calls.stage.attempts', { count: String(stage.attempts) })}</span>}
          </p>
          {stage.state === 'running' && (
            <ProgressBar value={stage.progress} label={t('calls.stage.progress', { stage: t(`calls.stage.${stage.stage}`) })} />
          )}
          {stage.note && <p className="muted">{stage.note}</p>}
          {stage.error && (
            <p className="error">
              {stage.error.message} <span className="muted">({stage.error.code})</span>
            </p>
          )}
          {stage.state === 'failed' && (
            <button
              type="button"
              className="secondary small"
              disabled={rerunning !== null}
              aria-label={t('calls.stage.rerunLabel', { stage: t(`calls.stage.${stage.stage}`) })}
              onClick={() => onRerun(stage.stage)}
            >
              {rerunning === stage.stage ? t('calls.stage.rerunning') : t('calls.stage.rerun')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <h3 id={`${id}-heading`}>{t('calls.stages.heading')}</h3>
      {/* One line that changes per stage, not per percent: what a screen reader hears as the call moves on. */}
      <p role="status" className={current?.state === 'failed' ? 'error' : 'muted'}>
        {current
          ? t(current.state === 'failed' ? 'calls.progress.failedAt' : 'calls.progress.at', { stage: t(`calls.stage.${current.stage}`) })
          : allDone
            ? t('calls.stages.allDone')
            : ''}
      </p>
      {lost && (
        <p role="status" className="muted">
          {t('calls.stages.lost')}
        </p>
      )}
      {rerunFailed && (
        <p role="alert" className="error">
          {t('calls.stage.rerunError')}
        </p>
      )}
      {allDone ? (
        <details>
          <summary>{t('calls.stages.show')}</summary>
          {list}
        </details>
      ) : (
        list
      )}
    </section>
  );
}
