import { createStore } from 'zustand/vanilla';
import type { PageText, PendingSelection } from '../../lib/messages';
import type { ObservationSink } from './observation-sink';
import type { PageReadingPort } from './page-reading-port';

/** A port whose pending selection is set by hand and whose page read is whatever `read` does. */
export function fakePageReadingPort(read: (signal: AbortSignal) => Promise<PageText> = async () => pageText('')) {
  let current: PendingSelection | null = null;
  const watchers = new Set<(selection: PendingSelection | null) => void>();
  const cleared: string[] = [];
  const claimed: string[] = [];
  let optionsOpened = 0;
  const port: PageReadingPort = {
    load: async () => current,
    async clear(id) {
      cleared.push(id);
      if (current?.id === id) current = null;
    },
    async claim(id) {
      claimed.push(id);
      if (current?.id !== id) return false;
      current = null;
      return true;
    },
    watch(callback) {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
    readNotes: (signal) => read(signal),
    openOptions: () => void optionsOpened++,
  };
  return {
    port,
    cleared,
    claimed,
    get optionsOpened() {
      return optionsOpened;
    },
    /** The background storing a new pending selection. */
    push(selection: PendingSelection) {
      current = selection;
      watchers.forEach((watcher) => watcher(selection));
    },
    set(selection: PendingSelection | null) {
      current = selection;
    },
  };
}

export function pageText(text: string, over: Partial<PageText> = {}): PageText {
  return { type: 'sufler/page-text', source: text ? 'selectors' : 'none', text, matched: text ? 1 : 0, hostname: 'crm.example.com', truncated: false, ...over };
}

export const NOW = 1_767_000_000_000;

export function pendingSelection(over: Partial<PendingSelection> = {}): PendingSelection {
  return { id: 'sel-1', text: 'Klient pyta o leasing', origin: 'context-menu', pageTitle: 'Jan Kowalski · CRM', at: NOW - 1000, ...over };
}

/** The conversation's observation entry point, recording what it was given; `sending` is set by hand. */
export function fakeObservationSink() {
  const sent: { kind: string; text: string }[] = [];
  const store: ObservationSink = createStore<{ sending: boolean; sendObservation: (kind: 'note' | 'selection', text: string) => void }>()(() => ({
    sending: false,
    sendObservation: (kind, text) => void sent.push({ kind, text }),
  }));
  return { store, sent, setSending: (sending: boolean) => store.setState({ sending }) };
}
