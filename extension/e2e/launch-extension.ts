import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { CHROME_BUILD, CHROMIUM } from './paths';

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

/**
 * Debian Chromium with the built extension in a fresh profile, as ../shared/TOOLCHAIN.md says: Playwright's
 * own headless mode cannot load extensions, so it runs "headed" with `--headless=new`.
 */
export async function launchExtension(options: { apiUrl: string; language?: 'pl' | 'en'; width?: number }): Promise<LaunchedExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'sufler-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: options.width ?? 360, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // For Extensions.triggerAction, the toolbar click over CDP.
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
    ],
  });
  openContexts.add(context);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(serviceWorker.url()).host;
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
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
