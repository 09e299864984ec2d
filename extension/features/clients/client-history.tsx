import { useEffect, useId, useRef } from 'react';
import { useLanguageStore, useT } from '../../lib/i18n';
import type { Client, CockpitClient } from '../cockpit/cockpit-client';
import { ErrorWithRetry } from '../cockpit/error-with-retry';
import { factLabel, formatWhen, observationsText } from './client-history-view';
import { useClientHistory } from './use-client-history';

/**
 * One client's file: the running summary, the key facts and every conversation. From the picker it also offers
 * to continue the open conversation or start a new one (which the API starts with the summary and facts so far).
 */
export function ClientHistory({
  client,
  of,
  onOpen,
  onBack,
  busy = false,
  currentSessionId,
  headingLevel = 2,
  focusOnOpen = true,
}: {
  client: CockpitClient;
  of: Client;
  /** Continue or start a conversation; absent where one is already open (the session header). */
  onOpen?: (picked: Client) => void;
  onBack?: () => void;
  busy?: boolean;
  currentSessionId?: string;
  headingLevel?: 2 | 3;
  /** Move the focus to the heading on open: when the button that opened it is gone (the picker's list). */
  focusOnOpen?: boolean;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const id = useId();
  const history = useClientHistory(client, of.id);
  // The file's own record once loaded: it may have been archived or restored since the list was read.
  const archived = history.data?.client.archived ?? of.archived;
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  // Opened by a button that then goes away: take the focus, so keyboard users land on what they opened.
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);

  return (
    <section aria-labelledby={`${id}-heading`} className="stack history">
      <div className="row">
        <Heading id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {t('history.heading', { name: of.name })}
        </Heading>
        {archived && <span className="badge">{t('clients.archivedBadge')}</span>}
      </div>
      {onBack && (
        <button type="button" className="secondary" onClick={onBack}>
          {t('history.back')}
        </button>
      )}
      {history.isPending ? (
        <p role="status" className="muted">
          {t('history.loading')}
        </p>
      ) : history.isError ? (
        <ErrorWithRetry message={t('cockpit.error')} onRetry={() => void history.refetch()} />
      ) : (
        <>
          {onOpen &&
            (archived ? (
              <p className="muted">{t('history.archivedNote')}</p>
            ) : (
              <div className="stack">
                <button type="button" disabled={busy} onClick={() => onOpen(of)}>
                  {history.data.openSession ? t('history.resume') : t('history.start')}
                </button>
                {history.data.sessions.length > 0 && <p className="muted">{t('history.carryOver')}</p>}
              </div>
            ))}
          <Sub>{t('history.summary')}</Sub>
          {history.data.summary ? (
            <p className="summary">{history.data.summary}</p>
          ) : (
            <p className="muted">{t('history.noSummary')}</p>
          )}
          <Sub>{t('history.keyFacts')}</Sub>
          {history.data.keyFacts.length > 0 ? (
            <dl className="facts">
              {history.data.keyFacts.map(([key, value]) => (
                <div key={key}>
                  <dt>{factLabel(t, key)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="muted">{t('history.noKeyFacts')}</p>
          )}
          <Sub id={`${id}-sessions`}>{t('history.sessions', { count: String(history.data.sessions.length) })}</Sub>
          {history.data.sessions.length === 0 ? (
            <p className="muted">{t('history.noSessions')}</p>
          ) : (
            <ol className="plain stack sessions" aria-labelledby={`${id}-sessions`}>
              {history.data.sessions.map((session) => (
                <li key={session.id} className="session-item">
                  <span>{t('history.started', { date: formatWhen(session.startedAt, language) })}</span>
                  <span className="muted">
                    {session.endedAt === null
                      ? t('history.open')
                      : t('history.ended', { date: formatWhen(session.endedAt, language) })}
                    {' · '}
                    {observationsText(t, language, session.observationCount)}
                    {session.id === currentSessionId && <span className="badge">{t('history.current')}</span>}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
