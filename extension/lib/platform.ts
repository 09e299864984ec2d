import type { ResumeStorage } from '../features/cockpit/resume';
import type { PendingInputStorage } from './pending-input-storage';
import type { Settings } from './settings';
import type { TokenStorage } from './token-storage';

// Types only: this file is shared by the side panel and the web cockpit, and must not load either one's storage.

/** Where the screens read and write their settings; the side panel's options page and the web cockpit differ. */
export interface SettingsPort {
  load(): Promise<Settings>;
  /** Validates before writing, and resolves to what was stored. */
  save(settings: Settings): Promise<Settings>;
  /** Called with every later change (another page or tab saved them); returns the unsubscribe. */
  watch(callback: (settings: Settings) => void): () => void;
}

/**
 * What the cockpit's screens need from where they run: the browser extension (extension storage) or the web
 * cockpit served by the API (localStorage and sessionStorage, the API at the page's own origin).
 */
export interface Platform {
  kind: 'extension' | 'web';
  settings: SettingsPort;
  tokens: TokenStorage;
  resume: ResumeStorage;
  /** The outbox and drafts, kept across reloads: extension storage, or localStorage on the web. */
  pendingInput: PendingInputStorage;
}
