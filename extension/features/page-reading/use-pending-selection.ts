import { useCallback, useEffect, useState } from 'react';
import type { PendingSelection } from '../../lib/messages';
import type { PendingSelectionSource } from './pending-selection';

/** A selection older than this is not sent when the panel opens later: the rep has moved on. */
export const PENDING_SELECTION_MAX_AGE_MS = 15 * 60_000;

/** The selection waiting to be analysed, live; `discard` forgets it (in storage too). */
export function usePendingSelection(source: PendingSelectionSource | null, now: () => number = Date.now) {
  const [pending, setPending] = useState<PendingSelection | null>(null);
  useEffect(() => {
    if (!source) return;
    let active = true;
    const accept = (selection: PendingSelection | null) => {
      if (!active) return;
      if (selection && now() - selection.at > PENDING_SELECTION_MAX_AGE_MS) {
        void source.clear(selection.id).catch(() => undefined);
        setPending(null);
      } else setPending(selection);
    };
    void source.load().then(accept, () => undefined);
    const stop = source.watch(accept);
    return () => {
      active = false;
      stop();
    };
  }, [source, now]);

  const discard = useCallback(
    (selection: PendingSelection) => {
      setPending((current) => (current?.id === selection.id ? null : current));
      void source?.clear(selection.id).catch(() => undefined);
    },
    [source],
  );
  return { pending, discard };
}
