import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** Debian's Chromium; never `playwright install`, whose downloads are not reachable here. */
export const CHROMIUM = '/usr/bin/chromium';

export type ChromiumWithExtension = {
  context: BrowserContext;
  /** The extension's id: the host of its service worker's URL. */
  id: string;
  serviceWorker: Worker;
  /** Closes the browser and deletes its profile. */
  close: () => Promise<void>;
};

/**
 * Debian Chromium with a built extension in a fresh profile, as ../shared/TOOLCHAIN.md says: Playwright's own
 * headless mode cannot load extensions, so it runs "headed" with `--headless=new`. One launcher for the
 * end-to-end tests (extension/e2e/launch-extension.ts) and `npm run bench`: it lives with the API's test support
 * because the API may not import the extension's code, while the extension's tests may import from api/test
 * (as they do the Ollama double). It takes the build folder, so it knows nothing of the extension itself.
 */
export async function launchChromiumWithExtension(build: string, options: { width?: number; args?: readonly string[] } = {}): Promise<ChromiumWithExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'sufler-chromium-profile-'));
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
      // More flags a test needs (a fake microphone, autoplay), before the extension's own.
      ...(options.args ?? []),
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
    ],
  });
  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return {
      context,
      id: new URL(serviceWorker.url()).host,
      serviceWorker,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
