import type { CallSummary } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import { callHref, followLink } from './app-route';
import type { CallsClient } from './calls-client';
import { formatClock, formatDate, formatScore, formatSentiment, sentimentTone } from './format';
import { ProgressBar } from './progress-bar';
import { currentStage, overallProgress } from './stage-view';
import { useCallProgress } from './use-call-progress';

/** The facts of a call as shown in the list, term and value, in the order of the table's columns. */
export function useCallFacts(call: CallSummary): [string, string][] {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  return [
    [t('calls.field.recordedAt'), formatDate(call.recordedAt, lang)],
    [t('calls.field.consultant'), call.consultant.email],
    [t('calls.field.duration'), formatClock(call.durationMs)],
    [t('calls.field.scorecard'), call.scorecardKey],
    [t('calls.field.score'), call.score === null ? t('calls.none') : t('calls.scoreOf', { value: formatScore(call.score, lang) })],
    [
      t('calls.field.sentiment'),
      call.sentiment === null
        ? t('calls.none')
        : `${formatSentiment(call.sentiment, lang)} (${t(`calls.tone.${sentimentTone(call.sentiment)}`)})`,
    ],
  ];
}

/** The call's title as a link to its page (its own address: it can be opened in a new tab or shared). */
export function CallLink({ call, onOpen }: { call: Pick<CallSummary, 'id' | 'title'>; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <a href={callHref(call.id)} className="call-link" aria-label={t('calls.open', { title: call.title })} onClick={(event) => followLink(event, () => onOpen(call.id))}>
      {call.title}
    </a>
  );
}

/** One call in the list (narrow screens): its title opens it; the facts follow; a call still processing shows its live stage. */
export function CallRow({ client, call, onOpen }: { client: CallsClient; call: CallSummary; onOpen: (id: string) => void }) {
  const t = useT();
  const facts = useCallFacts(call);
  return (
    <li className="call-row card">
      <div className="row call-row-head">
        <CallLink call={call} onOpen={onOpen} />
        <span className="status" data-status={call.status}>
          {t(`calls.status.${call.status}`)}
        </span>
      </div>
      {call.client && <p className="muted">{t('calls.withClient', { name: call.client.name })}</p>}
      <dl className="call-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {call.status === 'processing' && <LiveProgress client={client} call={call} />}
    </li>
  );
}

export function LiveProgress({ client, call }: { client: CallsClient; call: CallSummary }) {
  const t = useT();
  const { progress } = useCallProgress(client, call.id, call);
  if (!progress) return <p className="muted">{t('calls.progress.waiting')}</p>;
  const stage = currentStage(progress.stages);
  return (
    <div className="stack live-progress">
      {stage && (
        <p className={stage.state === 'failed' ? 'error' : 'muted'}>
          {t(stage.state === 'failed' ? 'calls.progress.failedAt' : 'calls.progress.at', { stage: t(`calls.stage.${stage.stage}`) })}
        </p>
      )}
      <ProgressBar value={overallProgress(progress.stages)} label={t('calls.progress.of', { title: call.title })} />
    </div>
  );
}
