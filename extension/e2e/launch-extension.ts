import type { BrowserContext, Page, Worker } from '@playwright/test';
import { launchChromiumWithExtension } from '../../api/test/launch-chromium-with-extension';
import { CHROME_BUILD } from './paths';

/** The browsers open right now, so a failed test can photograph their pages. */
export const openContexts = new Set<BrowserContext>();

export type LaunchedExtension = {
  context: BrowserContext;
  id: string;
  serviceWorker: Worker;
  /** Opens an extension page (`sidepanel.html`, `options.html`) as a tab. */
  open: (page: string) => Promise<Page>;
  /**
   * Clicks the toolbar button over the page's tab, as the rep would (CDP `Extensions.triggerAction`): a real
   * user action, so the browser grants the extension `activeTab` on that page.
   */
  clickToolbarButton: (page: Page) => Promise<void>;
  close: () => Promise<void>;
};

/** The built extension in a fresh Chromium profile, set to use this run's API and a fixed language. */
export async function launchExtension(options: {
  apiUrl: string;
  language?: 'pl' | 'en';
  width?: number;
  /** More Chromium flags (live-meeting.e2e.ts: the fake microphone and autoplay). */
  args?: readonly string[];
}): Promise<LaunchedExtension> {
  const browser = await launchChromiumWithExtension(CHROME_BUILD, { width: options.width, args: options.args });
  const { context, id, serviceWorker } = browser;
  openContexts.add(context);
  // The API of this run, and a fixed language, before any page reads the settings.
  await serviceWorker.evaluate(
    (settings) => chrome.storage.local.set({ settings }),
    { apiUrl: options.apiUrl, language: options.language ?? 'en' },
  );
  return {
    context,
    id,
    serviceWorker,
    open: async (page) => {
      // The profile starts with one blank tab: use it rather than leave it lying about.
      const blank = context.pages().find((tab) => tab.url() === 'about:blank');
      const tab = blank ?? (await context.newPage());
      await tab.goto(`chrome-extension://${id}/${page}`);
      return tab;
    },
    clickToolbarButton: async (page) => {
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        // Tab targets (not their pages) are what the action runs on; they are listed only when asked for.
        const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
        const tab = targetInfos.find((target) => target.url === page.url());
        if (!tab) throw new Error(`no tab target for ${page.url()}`);
        await cdp.send('Extensions.triggerAction', { id, targetId: tab.targetId });
      } finally {
        await cdp.detach();
      }
    },
    close: async () => {
      openContexts.delete(context);
      await browser.close();
    },
  };
}
