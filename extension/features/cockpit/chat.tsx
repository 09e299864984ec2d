import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../lib/i18n';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';
import { createChatStore, type ChatStore } from './chat-store';
import { MessageInput } from './message-input';
import { useResilience } from './resilience';

/** The strategic chat with the AI advisor: the session's questions and answers, the answer streaming in. */
export function Chat({ client, session }: { client: CockpitClient; session: SessionWithInteractions }) {
  const { storage, connection } = useResilience();
  const [store] = useState(() => createChatStore({ client, session, storage, connection }));
  useEffect(() => store.getState().hydrate(session), [store, session]);
  useEffect(() => {
    store.getState().start();
    return () => store.getState().stop();
  }, [store]);
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <h2 id={`${id}-heading`}>{t('chat.heading')}</h2>
      <Messages store={store} />
      <ChatInput store={store} />
    </section>
  );
}

function Messages({ store }: { store: ChatStore }) {
  const t = useT();
  const messages = useStore(store, (state) => state.messages);
  if (messages.length === 0) return <p className="muted">{t('chat.empty')}</p>;
  return (
    <ol className="plain stack chat" aria-label={t('chat.messages')}>
      {messages.map((message) => (
        <li key={message.id} className="stack">
          <p className="question">
            <span className="visually-hidden">{t('chat.you')}: </span>
            {message.question}
          </p>
          <div className="card answer" aria-live={message.status === 'streaming' ? 'polite' : undefined} aria-busy={message.status === 'streaming'}>
            <span className="visually-hidden">{t('chat.advisor')}: </span>
            {message.answer ? <p>{message.answer}</p> : message.status === 'streaming' ? <p className="muted">{t('chat.thinking')}</p> : null}
            {message.status === 'interrupted' && <p className="error">{t('chat.interrupted')}</p>}
            {message.producedBy?.mode === 'rules' && (
              <p className="muted">
                <span className="badge" title={t('analysis.rulesModeTitle')}>
                  {t('analysis.rulesMode')}
                </span>{' '}
                {t('chat.rulesNote')}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Enter asks, Shift+Enter breaks the line; the question leaves the box only once the answer starts. */
function ChatInput({ store }: { store: ChatStore }) {
  const t = useT();
  const draft = useStore(store, (state) => state.draft);
  const sending = useStore(store, (state) => state.sending);
  const error = useStore(store, (state) => state.error);
  return (
    <MessageInput
      label={t('chat.label')}
      hint={t('chat.hint')}
      value={draft}
      onChange={(value) => store.getState().setDraft(value)}
      onSubmit={() => store.getState().send()}
      submitLabel={t('chat.send')}
      busyLabel={t('chat.sending')}
      busy={sending}
      blocked={sending}
      submitOn="enter"
      rows={2}
      maxLength={4000}
      error={
        error && {
          message: t(`chat.error.${error}`),
          action: error === 'answer' ? undefined : { label: t('cockpit.retry'), onClick: () => store.getState().send() },
        }
      }
    />
  );
}
