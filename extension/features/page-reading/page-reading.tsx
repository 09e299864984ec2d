import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../lib/i18n';
import type { ObservationSink } from './observation-sink';
import { defaultPageReadingPort, type PageReadingPort } from './page-reading-port';
import { ReadNotes } from './read-notes';
import { usePendingSelection } from './use-pending-selection';

/**
 * Page reading inside an open conversation: sends a selection the rep chose to analyse (context menu or
 * shortcut) to the session, and offers "Read notes from this page". Renders nothing outside the extension.
 */
export function PageReading({
  store,
  port = defaultPageReadingPort(),
  now,
}: {
  store: ObservationSink;
  port?: PageReadingPort | null;
  now?: () => number;
}) {
  if (!port) return null;
  return (
    <>
      <SendPendingSelection store={store} port={port} now={now} />
      <ReadNotes store={store} port={port} />
    </>
  );
}

/** As soon as the conversation is free (no stream running), the pending selection goes in as a `selection`. */
function SendPendingSelection({ store, port, now }: { store: ObservationSink; port: PageReadingPort; now?: () => number }) {
  const t = useT();
  const { pending, discard } = usePendingSelection(port, now);
  const sending = useStore(store, (state) => state.sending);
  const [sent, setSent] = useState(false);

  // Claimed once per selection: StrictMode runs the effect twice, and the claim itself is async.
  const claiming = useRef<string | null>(null);
  useEffect(() => {
    if (!pending || sending || store.getState().sending || claiming.current === pending.id) return;
    claiming.current = pending.id;
    port.claim(pending.id).then(
      (mine) => {
        // Not mine: another panel (another window, or the panel opened as a tab) took it.
        if (!mine) return;
        store.getState().sendObservation('selection', pending.text);
        setSent(true);
        discard(pending);
      },
      () => void (claiming.current = null),
    );
  }, [pending, sending, store, port, discard]);

  return (
    <p role="status" className="visually-hidden">
      {sent && !pending ? t('pageReading.pendingSent') : ''}
    </p>
  );
}
