import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../lib/i18n';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';
import { createChatStore, type ChatStore } from './chat-store';

/** The strategic chat with the AI advisor: the session's questions and answers, the answer streaming in. */
export function Chat({ client, session }: { client: CockpitClient; session: SessionWithInteractions }) {
  const [store] = useState(() => createChatStore({ client, session }));
  useEffect(() => store.getState().hydrate(session), [store, session]);
  useEffect(() => () => store.getState().stop(), [store]);
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
  const id = useId();
  const draft = useStore(store, (state) => state.draft);
  const sending = useStore(store, (state) => state.sending);
  const error = useStore(store, (state) => state.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    store.getState().send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      store.getState().send();
    }
  };

  return (
    <form onSubmit={submit} aria-busy={sending}>
      <label htmlFor={`${id}-input`}>{t('chat.label')}</label>
      <textarea
        id={`${id}-input`}
        rows={2}
        maxLength={4000}
        value={draft}
        onChange={(event) => store.getState().setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="muted">
        {t('chat.hint')}
      </p>
      {error && (
        <div className="row">
          <p id={`${id}-error`} role="alert" className="error">
            {t(`chat.error.${error}`)}
          </p>
          {error === 'send' && (
            <button type="button" className="secondary" onClick={() => store.getState().send()}>
              {t('cockpit.retry')}
            </button>
          )}
        </div>
      )}
      <button type="submit" disabled={sending || !draft.trim()}>
        {sending ? t('chat.sending') : t('chat.send')}
      </button>
    </form>
  );
}
