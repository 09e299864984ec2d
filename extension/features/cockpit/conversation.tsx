import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../lib/i18n';
import { AnalysisPanel } from './analysis-panel';
import { Chat } from './chat';
import { STAGES, suggestionCount, type AnalysisView, type Stage } from './analysis-view';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { NextMoves } from './next-moves';
import { StrategySection } from './strategy';

/** One session: the analysis, the timeline, the input, the stream's progress and the next moves. */
export function Conversation({
  client,
  session,
  onReload,
}: {
  client: CockpitClient;
  session: SessionWithInteractions;
  onReload: () => void;
}) {
  const [store] = useState(() => createConversationStore({ client, session }));
  useEffect(() => store.getState().hydrate(session), [store, session]);
  useEffect(() => () => store.getState().stop(), [store]);
  const view = useStore(store, (state) => state.view);
  return (
    <div className="stack">
      <AnalysisPanel view={view} />
      <Timeline store={store} />
      <Terminal store={store} onReload={onReload} />
      <NextMoves store={store} />
      <StrategySection client={client} sessionId={session.id} />
      <Chat client={client} session={session} />
    </div>
  );
}

function Timeline({ store }: { store: ConversationStore }) {
  const t = useT();
  const id = useId();
  const timeline = useStore(store, (state) => state.timeline);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('timeline.heading')}</h2>
      {timeline.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entry.id}>{entry.text}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The input: Ctrl/Cmd+Enter or the button sends; the text leaves the box only once the server has it. */
export function Terminal({ store, onReload }: { store: ConversationStore; onReload: () => void }) {
  const t = useT();
  const id = useId();
  const draft = useStore(store, (state) => state.draft);
  const sending = useStore(store, (state) => state.sending);
  const sendError = useStore(store, (state) => state.sendError);
  const view = useStore(store, (state) => state.view);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    store.getState().send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      store.getState().send();
    }
  };

  return (
    <form onSubmit={submit} aria-busy={sending}>
      <label htmlFor={`${id}-input`}>{t('terminal.label')}</label>
      <textarea
        id={`${id}-input`}
        rows={3}
        maxLength={20_000}
        value={draft}
        onChange={(event) => store.getState().setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint${sendError ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="muted">
        {t('terminal.hint')}
      </p>
      {sendError && (
        <div className="row">
          <p id={`${id}-error`} role="alert" className="error">
            {t(`terminal.error.${sendError}`)}
          </p>
          {sendError === 'send' ? (
            <button type="button" className="secondary" onClick={() => store.getState().send()}>
              {t('cockpit.retry')}
            </button>
          ) : (
            <button type="button" className="secondary" onClick={onReload}>
              {t('terminal.reload')}
            </button>
          )}
        </div>
      )}
      <button type="submit" disabled={sending || !draft.trim()}>
        {sending ? t('terminal.sending') : t('terminal.send')}
      </button>
      {sending && <Progress view={view} />}
    </form>
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
