import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, openSidePanel, screenshot, section, startSession, test, type LaunchedExtension } from './fixtures';

// axe (WCAG 2.1 AA) on the extension's pages in their main states, light and dark.
test.describe.configure({ mode: 'serial' });

let extension: LaunchedExtension;
let panel: Page;

test.beforeAll(async ({ api }) => {
  ({ extension, panel } = await openSidePanel(api));
});
test.afterAll(async () => {
  await extension?.close();
});

test('the signed-out side panel has no axe violations', async () => {
  await expect(panel.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await expect(panel.getByText(/mode: AI model/)).toBeVisible();
  expect(await axeViolations(panel)).toEqual([]);
});

test('the cockpit with an analysis, next moves and the strategy open has no axe violations', async () => {
  await startSession(panel, 'Piotr Wiśniewski', 'Ma firmę, flota 12 aut, pyta o leasing i odliczenie VAT. Za drogo mu się wydaje.');
  await section(panel, 'Strategy').getByRole('button', { name: 'Full strategy' }).click();
  await expect(section(panel, 'Strategy').getByRole('tabpanel')).toBeVisible();
  await panel.emulateMedia({ colorScheme: 'dark' });
  await screenshot(panel, '09-cockpit-dark');
  expect(await axeViolations(panel)).toEqual([]);
});

test('the options page has no axe violations', async () => {
  const options = await extension.open('options.html');
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  await screenshot(options, '10-options');
  expect(await axeViolations(options)).toEqual([]);
  await options.close();
});

test('the check itself works in an extension page: an unlabelled field is reported', async () => {
  const options = await extension.open('options.html');
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  await options.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('input'), { id: 'unlabelled' })));
  expect(await axeViolations(options)).toEqual(expect.arrayContaining([expect.stringMatching(/^\[light\] label .*#unlabelled/)]));
  await options.close();
});
