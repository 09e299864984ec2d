import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { PendingSelectionNotice } from '../page-reading/pending-selection-notice';
import { ClientHistoryToggle } from '../clients/client-history-toggle';

import type { LiveWiring } from '../live/ui/use-live-meeting';
import { ClientPicker } from './client-picker';
import type { Client, CockpitClient, Session } from './cockpit-client';
import { Conversation } from './conversation';
import { ErrorWithRetry } from './error-with-retry';
import type { ResumeStorage } from './resume';
import { cockpitKeys, useOpenSession, useSessionDetail } from './use-cockpit-data';

interface OpenConversation {
  client: Client;
  session: Session;
}

/**
 * The stored resume point, checked against the server: the session must still exist, be open and belong to
 * the stored client. Anything else (ended, gone, another user's) forgets the point and shows the picker.
 */
function useResumedSession(client: CockpitClient, resume: ResumeStorage | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: cockpitKeys.resume,
    queryFn: async (): Promise<OpenConversation | null> => {
      const point = await resume!.load();
      if (!point) return null;
      try {
        const [session, owner] = await Promise.all([
          client.sessions.get.query({ id: point.sessionId }),
          client.clients.get.query({ id: point.clientId }),
        ]);
        if (session.endedAt !== null || session.clientId !== owner.id || owner.archived) {
          await resume!.save(null);
          return null;
        }
        // The session screen would ask for the same thing right away.
        queryClient.setQueryData(cockpitKeys.session(session.id), session);
        const { interactions: _interactions, ...row } = session;
        return { client: owner, session: row };
      } catch {
        // Gone, not ours, or the API is down: start from the picker; the point is kept for the next try.
        return null;
      }
    },
    enabled: resume !== undefined,
    retry: false,
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/**
 * After login: resume the last conversation (when given a `resume` storage), or pick or add a client;
 * then work the client's open session. Whatever is opened becomes the resume point. With `live` (the side
 * panel, issue 11) the conversation can listen to a meeting.
 */
export function Cockpit({ client, resume, live }: { client: CockpitClient; resume?: ResumeStorage; live?: LiveWiring }) {
  const t = useT();
  const resumed = useResumedSession(client, resume);
  // `undefined`: the rep has not chosen yet, so the resumed conversation (if any) is shown.
  const [chosen, setChosen] = useState<OpenConversation | null | undefined>(undefined);
  const opening = useOpenSession(client);

  if (chosen === undefined && resumed.isLoading) return <p role="status">{t('session.resuming')}</p>;
  const open = chosen === undefined ? (resumed.data ?? null) : chosen;

  const choose = (next: OpenConversation | null) => {
    setChosen(next);
    void resume?.save(next && { clientId: next.client.id, sessionId: next.session.id }).catch(() => undefined);
  };

  if (open)
    return (
      <>
        <div className="row">
          <h2>{t('session.with', { name: open.client.name })}</h2>
          <button type="button" className="secondary" onClick={() => choose(null)}>
            {t('clients.change')}
          </button>
          <ClientHistoryToggle client={client} of={open.client} currentSessionId={open.session.id} />
        </div>
        <SessionScreen key={open.session.id} client={client} sessionId={open.session.id} live={live} />
      </>
    );

  const pick = (picked: Client) =>
    opening.mutate(picked, { onSuccess: (session) => choose({ client: picked, session }) });
  return (
    <>
      <PendingSelectionNotice />
      <ClientPicker client={client} onPick={pick} busy={opening.isPending} />
      {opening.isPending && (
        <p role="status" className="muted">
          {t('clients.opening')}
        </p>
      )}
      {opening.isError && (
        <ErrorWithRetry message={t('clients.openError')} onRetry={() => pick(opening.variables)} />
      )}
    </>
  );
}

function SessionScreen({ client, sessionId, live }: { client: CockpitClient; sessionId: string; live?: LiveWiring }) {
  const t = useT();
  const detail = useSessionDetail(client, sessionId);
  if (detail.isPending) return <p role="status">{t('session.loading')}</p>;
  if (detail.isError) return <ErrorWithRetry message={t('cockpit.error')} onRetry={() => void detail.refetch()} />;
  return <Conversation client={client} session={detail.data} onReload={() => void detail.refetch()} live={live} />;
}
