import type { PageText } from '../../lib/messages';
import { DEFAULT_SITE_RULES } from './default-site-rules';
import { extensionBrowser, type PageReadingBrowser } from './page-reading-browser';
import { browserPendingSelection, type PendingSelectionSource } from './pending-selection';
import { PageReadError, requestPageText } from './request-page-text';
import { loadSiteRules } from './site-rules-storage';

/** What the side panel's page-reading screens need from the browser; a fake in component tests. */
export interface PageReadingPort extends PendingSelectionSource {
  /** Reads the client's notes from the active tab; rejects with a PageReadError. */
  readNotes(signal: AbortSignal): Promise<PageText>;
  openOptions(): void;
}

type TabsWithCurrent = PageReadingBrowser['tabs'] & { getCurrent?: () => Promise<{ id?: number } | undefined> };

export function browserPageReadingPort(api: PageReadingBrowser): PageReadingPort {
  return {
    ...browserPendingSelection(api),
    async readNotes(signal) {
      const tabs = api.tabs as TabsWithCurrent;
      const [[tab], own] = await Promise.all([
        tabs.query({ active: true, currentWindow: true }),
        // The panel opened as a tab (tests do that) is not a page to read.
        tabs.getCurrent?.().catch(() => undefined),
      ]);
      if (tab?.id === undefined || tab.id === own?.id) throw new PageReadError('no-tab');
      const rules = [...(await loadSiteRules(api.storage.local)), ...DEFAULT_SITE_RULES];
      return requestPageText(api, tab.id, { type: 'sufler/read-page', want: 'notes', rules }, signal);
    },
    openOptions() {
      void (api.runtime as { openOptionsPage?: () => Promise<void> }).openOptionsPage?.();
    },
  };
}

let port: PageReadingPort | null | undefined;

/** The port of this extension page, or null where there is no extension API (the web cockpit, tests). */
export function defaultPageReadingPort(): PageReadingPort | null {
  if (port === undefined) {
    const api = extensionBrowser();
    port = api ? browserPageReadingPort(api) : null;
  }
  return port;
}
