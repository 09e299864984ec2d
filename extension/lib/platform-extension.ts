import { browserPendingInputStorage } from './pending-input-storage';
import type { Platform } from './platform';
import { browserResumeStorage, browserTokenStorage, loadSettings, saveSettings, watchSettings } from './settings';

/** The side panel's platform: the extension storage functions of settings.ts, unchanged. */
export function createExtensionPlatform(): Platform {
  return {
    kind: 'extension',
    settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
    tokens: browserTokenStorage(),
    resume: browserResumeStorage,
    pendingInput: browserPendingInputStorage(),
  };
}
