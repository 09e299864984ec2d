import { chromium, type Browser, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, screenshot, section, startSession, test } from './fixtures';
import { CHROMIUM } from './paths';

// The web cockpit the API serves at `/`, on a phone-sized screen (375 px), in plain Chromium: no extension.
test.describe.configure({ mode: 'serial' });

let browser: Browser;
let page: Page;

test.beforeAll(async ({ api }) => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  // The web cockpit keeps its language in localStorage; English, like the other specs.
  await context.addInitScript(() => localStorage.setItem('sufler.settings', JSON.stringify({ language: 'en' })));
  page = await context.newPage();
  await page.goto(`${api.url}/`);
});
test.afterAll(async () => {
  await browser?.close();
});

/** Nothing wider than the screen: no sideways scrolling on a phone. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the signed-out web cockpit fits 375 px and has no axe violations', async () => {
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, '16-web-signed-out');
  expect(await axeViolations(page)).toEqual([]);
});

test('on the phone: sign in, add a client, send an observation, get 4 next moves', async () => {
  await startSession(page, 'Zofia Szymańska', 'Dwoje dzieci, pyta o isofix i leasing, budżet 200 tys. zł.');
  await expect(section(page, 'Analysis').getByRole('meter', { name: 'Readiness to buy' })).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, '17-web-cockpit');
  expect(await axeViolations(page)).toEqual([]);
});
