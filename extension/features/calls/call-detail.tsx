import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import type { CallDetail, CallStageName } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import { ErrorWithRetry } from '../cockpit/error-with-retry';
import { followLink, routeHref } from './app-route';
import { AudioPlayer } from './audio-player';
import { CallActions } from './call-actions';
import { CallSettings } from './call-settings';
import { trpcErrorCode, type CallsClient } from './calls-client';
import type { CallsHttp } from './calls-http';
import { ConsultantMetricsView } from './consultant-metrics';
import { formatClock, formatDate } from './format';
import { ScorecardResult } from './scorecard-result';
import { SentimentChart } from './sentiment-chart';
import { StageProgress } from './stage-progress';
import { Transcript } from './transcript';
import { useCallProgress } from './use-call-progress';
import { useCallDetail, useScorecards } from './use-calls-data';
import { usePlayer } from './use-player';

/**
 * One call's review: header and actions, the stages live, the recording, the score with its evidence, the
 * client's sentiment, the consultant's metrics and the transcript. Every time link seeks the one player.
 * On a wide screen (ui.css) the transcript is on the left under the player, the score, the chart and the
 * metrics on the right: `call-body` and `call-aside` are there for that layout.
 */
export function CallDetailView({ client, http, callId, onBack }: { client: CallsClient; http: CallsHttp; callId: string; onBack: () => void }) {
  const t = useT();
  const titleId = useId();
  const detail = useCallDetail(client, callId);
  const scorecards = useScorecards(client);
  const player = usePlayer();
  const live = useCallProgress(client, callId, detail.data ?? { status: 'processing' }, detail.isSuccess);
  const rerun = useMutation({
    mutationFn: (stage: CallStageName) => client.calls.rerun.mutate({ id: callId, stage }),
    onSuccess: live.restart,
  });
  const recompute = useMutation({ mutationFn: () => client.calls.recompute.mutate({ id: callId }), onSuccess: live.restart });

  const back = (
    <a href={routeHref({ section: 'calls', callId: null })} className="back-link" onClick={(event) => followLink(event, onBack)}>
      {t('calls.back')}
    </a>
  );
  if (detail.isPending)
    return (
      <>
        {back}
        <p role="status">{t('calls.detail.loading')}</p>
      </>
    );
  if (detail.isError)
    return (
      <>
        {back}
        {trpcErrorCode(detail.error) === 'NOT_FOUND' ? (
          <p role="alert" className="error">
            {t('calls.detail.notFound')}
          </p>
        ) : (
          <ErrorWithRetry message={t('calls.detail.error')} onRetry={() => void detail.refetch()} />
        )}
      </>
    );

  const call = detail.data;
  return (
    <article className="stack call-detail" aria-labelledby={titleId}>
      {back}
      <CallHeader call={call} titleId={titleId} />
      <CallActions client={client} http={http} call={call} onDeleted={onBack} />
      <CallSettings key={`${call.scorecardKey}-${call.consultantChannel}`} client={client} call={call} scorecards={scorecards.data ?? []} onStarted={live.restart} />
      <StageProgress
        stages={live.progress?.stages ?? call.stages}
        lost={live.lost}
        rerunning={rerun.isPending ? (rerun.variables ?? null) : null}
        rerunFailed={rerun.isError}
        onRerun={(stage) => rerun.mutate(stage)}
      />
      <div className="call-body">
        <AudioPlayer http={http} callId={call.id} title={call.title} player={player} />
        <div className="stack call-aside">
          <ScorecardResult client={client} call={call} onSeek={player.seek} />
          <SentimentChart points={call.sentimentTimeline} durationMs={call.durationMs} onSeek={player.seek} />
          <ConsultantMetricsView metrics={call.metrics} />
        </div>
        <div className="stack call-main">
          <Transcript
            client={client}
            call={call}
            playerMs={player.currentMs}
            onSeek={player.seek}
            recomputing={recompute.isPending}
            onRecompute={() => recompute.mutate()}
          />
          {recompute.isError && (
            <p role="alert" className="error">
              {t('calls.recomputeError')}
            </p>
          )}
        </div>
      </div>
    </article>
  );
}

function CallHeader({ call, titleId }: { call: CallDetail; titleId: string }) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a call moves the keyboard to it, as a page change would.
  useEffect(() => heading.current?.focus(), []);
  const facts: [string, string][] = [
    [t('calls.field.recordedAt'), formatDate(call.recordedAt, lang)],
    [t('calls.field.consultant'), call.consultant.email],
    [t('calls.field.client'), call.client?.name ?? t('calls.none')],
    [t('calls.field.duration'), formatClock(call.durationMs)],
    [
      t('calls.field.channels'),
      call.channels === 2
        ? t('calls.channels.stereo', { channel: t(`calls.channel.${call.consultantChannel ?? 'left'}`) })
        : t('calls.channels.mono'),
    ],
    [t('calls.field.status'), t(`calls.status.${call.status}`)],
  ];
  return (
    <header className="stack">
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {call.title}
      </h2>
      <dl className="call-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
