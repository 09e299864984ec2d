import type { TokenPair } from '@sufler/shared';
import { createCaptureControl, panelAccessToken } from '../../features/live/capture/create-capture-control';
import type { CaptureControl } from '../../features/live/capture-state';
import type { Platform } from '../../lib/platform';

/**
 * The side panel's live capture (issue 11), made once for the panel's life, outside React (StrictMode would
 * make two). The signed-in session lends it the way to a fresh access token; the web cockpit has none.
 */
export interface PanelCapture {
  control: CaptureControl;
  /** Called by the signed-in session; returns the take-back (sign-out, another API). */
  lendTokens(source: { getTokens: () => TokenPair | null; touch: () => Promise<unknown> }): () => void;
}

export function createPanelCapture(platform: Platform): PanelCapture {
  let token: (() => Promise<string | null>) | null = null;
  const control = createCaptureControl({
    getAccessToken: () => (token ? token() : Promise.resolve(null)),
    loadApiUrl: async () => (await platform.settings.load()).apiUrl,
  });
  return {
    control,
    lendTokens(source) {
      const mine = panelAccessToken(source);
      token = mine;
      return () => {
        if (token === mine) token = null;
      };
    },
  };
}
