import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../lib/i18n';
import { PageReading } from '../page-reading/page-reading';
import { LiveMeetingPanel } from '../live/ui/live-meeting';
import type { LiveWiring } from '../live/ui/use-live-meeting';
import { AnalysisPanel } from './analysis-panel';
import { AnalysisStrip } from './analysis-strip';
import { Chat } from './chat';
import { STAGES, suggestionCount, type AnalysisView, type Stage } from './analysis-view';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { fallbackModel } from './fallback-model';
import { MessageInput } from './message-input';
import { NextMoves } from './next-moves';
import { useResilience } from './resilience';
import { StrategySection } from './strategy';

/**
 * One session, laid out to be read at a glance beside a call (issue 11), the same with or without capture:
 * the next moves (the best one large), the analysis as a strip, the live transcript and capture controls
 * (with `live`: the side panel), the input; then, below the fold, the full analysis, the timeline, the
 * strategy and the chat. Without `live` (the web cockpit) nothing is captured.
 */
export function Conversation({
  client,
  session,
  onReload,
  live,
}: {
  client: CockpitClient;
  session: SessionWithInteractions;
  onReload: () => void;
  live?: LiveWiring;
}) {
  const { storage, connection } = useResilience();
  const [store] = useState(() => createConversationStore({ client, session, storage, connection }));
  useEffect(() => store.getState().hydrate(session), [store, session]);
  useEffect(() => {
    store.getState().start();
    return () => store.getState().stop();
  }, [store]);
  const view = useStore(store, (state) => state.view);
  return (
    <div className="stack conversation">
      <NextMoves store={store} />
      <AnalysisStrip view={view} />
      {/* A transcript batch analysed on the server: the session is fetched again for its moves and analysis. */}
      {live && <LiveMeetingPanel wiring={live} sessionId={session.id} onAnalysis={onReload} />}
      <Terminal store={store} onReload={onReload} />
      <PageReading store={store} />
      <FallbackModelNotice view={view} />
      <AnalysisPanel view={view} />
      <Timeline store={store} />
      <StrategySection client={client} sessionId={session.id} />
      <Chat client={client} session={session} />
    </div>
  );
}

function Timeline({ store }: { store: ConversationStore }) {
  const t = useT();
  const id = useId();
  const timeline = useStore(store, (state) => state.timeline);
  const outbox = useStore(store, (state) => state.outbox);
  const sending = useStore(store, (state) => state.sending);
  const online = useStore(store, (state) => state.online);
  const status = (index: number) => (!online ? 'queued' : index === 0 && sending ? 'sending' : 'waiting');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('timeline.heading')}</h2>
      {timeline.length === 0 && outbox.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entry.id}>{entry.text}</li>
          ))}
          {outbox.map((item, index) => (
            <li key={item.requestId} className="pending" data-status={status(index)}>
              <span>{item.text}</span>{' '}
              <span className="badge">{t(`outbox.${status(index)}`)}</span>{' '}
              <button
                type="button"
                className="secondary"
                aria-label={t('outbox.cancelLabel', { text: item.text.length > 60 ? `${item.text.slice(0, 60)}…` : item.text })}
                onClick={() => store.getState().cancel(item.requestId)}
              >
                {t('outbox.cancel')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The input: Ctrl/Cmd+Enter or the button sends; offline, what is sent waits in the outbox. */
export function Terminal({ store, onReload }: { store: ConversationStore; onReload: () => void }) {
  const t = useT();
  const draft = useStore(store, (state) => state.draft);
  const sending = useStore(store, (state) => state.sending);
  const sendError = useStore(store, (state) => state.sendError);
  const online = useStore(store, (state) => state.online);
  const view = useStore(store, (state) => state.view);
  const error = sendError && {
    message: t(`terminal.error.${sendError}`),
    action:
      sendError === 'send'
        ? { label: t('cockpit.retry'), onClick: () => store.getState().send() }
        : { label: t('terminal.reload'), onClick: onReload },
  };
  const label = !online || (sending && draft.trim()) ? t('terminal.queue') : sending ? t('terminal.sending') : t('terminal.send');
  return (
    <div>
      <MessageInput
        label={t('terminal.label')}
        hint={t('terminal.hint')}
        value={draft}
        onChange={(value) => store.getState().setDraft(value)}
        onSubmit={() => store.getState().send()}
        submitLabel={label}
        busy={sending}
        error={error}
        notice={online ? null : t('terminal.offline')}
      />
      {sending && online && <Progress view={view} />}
    </div>
  );
}

/** Says when the analysis shown came from a model other than the first of the chain (`/health`). */
function FallbackModelNotice({ view }: { view: AnalysisView }) {
  const t = useT();
  const { connection } = useResilience();
  const chain = useStore(connection, (state) => state.health?.model.chain);
  const fallback = fallbackModel([view.analysisBy, view.suggestionsBy], chain);
  if (!fallback) return null;
  return (
    <p className="muted">
      <span className="badge" title={t('model.fallbackTitle', { chain: (chain ?? []).map((m) => m.model).join(' → ') })}>
        {t('model.fallback', { model: fallback })}
      </span>
    </p>
  );
}

function stageIndex(stage: Stage | null): number {
  return stage === null ? -1 : STAGES.indexOf(stage);
}

/** Where the running analysis stands, stage by stage. */
function Progress({ view }: { view: AnalysisView }) {
  const t = useT();
  const reached = stageIndex(view.stage);
  const count = suggestionCount(view);
  return (
    <ol className="progress" aria-label={t('progress.heading')} aria-live="polite">
      {STAGES.map((stage, index) => {
        const done = stage === 'suggestions' ? count === 4 : index <= reached;
        const label = stage === 'suggestions' ? t('progress.suggestions', { count: String(count) }) : t(`progress.${stage}`);
        return (
          <li key={stage} data-done={done}>
            {label}: {done ? t('progress.stateDone') : t('progress.statePending')}
          </li>
        );
      })}
    </ol>
  );
}
