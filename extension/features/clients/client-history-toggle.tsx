import { useId, useState } from 'react';
import { useT } from '../../lib/i18n';
import type { Client, CockpitClient } from '../cockpit/cockpit-client';
import { ClientHistory } from './client-history';

/**
 * "Client history" in the session header: a disclosure button and, under the header row, the client's file
 * with the current session marked. Place it inside a `.row`; the panel takes the row's full width.
 */
export function ClientHistoryToggle({
  client,
  of,
  currentSessionId,
}: {
  client: CockpitClient;
  of: Client;
  currentSessionId: string;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((value) => !value)}
      >
        {t('history.toggle')}
      </button>
      <div id={`${id}-panel`} className="history-panel card" hidden={!open}>
        {open && <ClientHistory client={client} of={of} currentSessionId={currentSessionId} headingLevel={3} focusOnOpen={false} />}
      </div>
    </>
  );
}
