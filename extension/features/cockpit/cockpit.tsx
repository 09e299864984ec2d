import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { ClientPicker } from './client-picker';
import type { Client, CockpitClient, Session } from './cockpit-client';
import { Conversation } from './conversation';
import { useOpenSession, useSessionDetail } from './use-cockpit-data';

/** After login: pick or add a client, then work the conversation of its open session. */
export function Cockpit({ client }: { client: CockpitClient }) {
  const t = useT();
  const [open, setOpen] = useState<{ client: Client; session: Session } | null>(null);
  const opening = useOpenSession(client);

  if (open)
    return (
      <>
        <div className="row">
          <h2>{t('session.with', { name: open.client.name })}</h2>
          <button type="button" className="secondary" onClick={() => setOpen(null)}>
            {t('clients.change')}
          </button>
        </div>
        <SessionScreen key={open.session.id} client={client} sessionId={open.session.id} />
      </>
    );

  const pick = (picked: Client) =>
    opening.mutate(picked, { onSuccess: (session) => setOpen({ client: picked, session }) });
  return (
    <>
      <ClientPicker client={client} onPick={pick} busy={opening.isPending} />
      {opening.isPending && (
        <p role="status" className="muted">
          {t('clients.opening')}
        </p>
      )}
      {opening.isError && (
        <div role="alert" className="row">
          <p className="error">{t('clients.openError')}</p>
          <button type="button" className="secondary" onClick={() => pick(opening.variables)}>
            {t('cockpit.retry')}
          </button>
        </div>
      )}
    </>
  );
}

function SessionScreen({ client, sessionId }: { client: CockpitClient; sessionId: string }) {
  const t = useT();
  const detail = useSessionDetail(client, sessionId);
  if (detail.isPending) return <p role="status">{t('session.loading')}</p>;
  if (detail.isError)
    return (
      <div role="alert" className="row">
        <p className="error">{t('cockpit.error')}</p>
        <button type="button" className="secondary" onClick={() => void detail.refetch()}>
          {t('cockpit.retry')}
        </button>
      </div>
    );
  return <Conversation client={client} session={detail.data} onReload={() => void detail.refetch()} />;
}
