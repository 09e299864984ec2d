import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Chrome: the toolbar button opens the side panel.
  (browser as unknown as typeof chrome).sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
});
