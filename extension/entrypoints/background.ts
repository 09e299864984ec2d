import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  ANALYZE_SELECTION_COMMAND,
  ANALYZE_SELECTION_MENU_ID,
  createAnalyzeSelection,
  openPanel,
  type SelectionInfo,
} from '../features/page-reading/analyze-selection';
import type { PageReadingBrowser, TabLike } from '../features/page-reading/page-reading-browser';
import {
  createLiveBackground,
  START_LIVE_CAPTURE_COMMAND,
  type LiveBackgroundApi,
} from '../features/live/capture/live-background';
import { translator } from '../lib/i18n';
import { browserTokenStorage, loadSettings, watchSettings, type Language } from '../lib/settings';

declare global {
  /**
   * "Analyze selection", as the context menu and the shortcut run it. Exposed on the service worker's global
   * so end-to-end tests can trigger it (`serviceWorker.evaluate`): headless Chromium cannot click a menu.
   */
  var suflerAnalyzeSelection: ReturnType<typeof createAnalyzeSelection>;
  /** Live capture (Chrome only; undefined in Firefox), for end-to-end tests: `suflerLive.state`, `suflerLive.stop()`. */
  var suflerLive: ReturnType<typeof createLiveBackground> | undefined;
}

export default defineBackground(() => {
  const api = browser as unknown as PageReadingBrowser;
  const analyze = createAnalyzeSelection({ api, now: () => Date.now(), newId: () => crypto.randomUUID() });
  globalThis.suflerAnalyzeSelection = analyze;

  // The toolbar button opens the panel itself (not `openPanelOnActionClick`): a click the extension handles
  // grants activeTab on the page, so "Read notes from this page" can read it without host permissions.
  void (browser as unknown as typeof chrome).sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  // Live capture needs tabCapture and an offscreen document: Chrome only. Firefox records the microphone
  // from the sidebar itself (features/live/capture/create-capture-control.ts).
  const chromeApi = browser as unknown as Partial<typeof chrome>;
  const live =
    chromeApi.tabCapture && chromeApi.offscreen
      ? createLiveBackground({
          api: chromeApi as unknown as LiveBackgroundApi,
          tokens: browserTokenStorage(),
          loadApiUrl: async () => (await loadSettings()).apiUrl,
          now: () => Date.now(),
        })
      : undefined;
  globalThis.suflerLive = live;
  if (live) {
    browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse) => live.onMessage(raw, sendResponse));
    browser.runtime.onConnect.addListener((port) => live.onConnect(port));
  }

  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  action?.onClicked.addListener((tab) => {
    // Both synchronously, inside the gesture: the panel opens, and an armed live session gets its stream id.
    void openPanel(api, tab as TabLike);
    live?.gesture(tab);
  });

  // Created again at each start, in the language of the settings, and renamed when the language changes.
  const menuTitle = (language: Language) => translator(language)('pageReading.analyzeSelection');
  void loadSettings().then(async ({ language }) => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: ANALYZE_SELECTION_MENU_ID, title: menuTitle(language), contexts: ['selection'] });
  });
  watchSettings(({ language }) => {
    // Before the first create has run there is nothing to rename yet; that create uses the new language.
    void Promise.resolve(browser.contextMenus.update(ANALYZE_SELECTION_MENU_ID, { title: menuTitle(language) })).catch(() => undefined);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ANALYZE_SELECTION_MENU_ID) void analyze(info as SelectionInfo, tab as TabLike | undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === ANALYZE_SELECTION_COMMAND) void analyze({}, tab as TabLike | undefined);
    if (command === START_LIVE_CAPTURE_COMMAND) {
      void openPanel(api, tab as TabLike | undefined);
      live?.gesture(tab);
    }
  });
});
