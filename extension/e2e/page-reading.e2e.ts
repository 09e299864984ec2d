import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { startCrmServer } from './crm-server';
import { addClient, expect, moves, openSidePanel, screenshot, section, signIn, test, type LaunchedExtension } from './fixtures';

// Reading a CRM-like page served locally: "Analyze selection", and notes found by a selector set in the options.
test.describe.configure({ mode: 'serial' });

const NOTES = [
  'Przyjechał z żoną i dwójką dzieci, pytał o isofix i duży bagażnik na wózek.',
  'Budżet do 250 tys. zł, chce oddać Octavię w rozliczeniu.',
];
const MAIL = 'Dzień dobry, czy mogę przyjechać na jazdę próbną w sobotę? Interesuje mnie leasing na firmę.';

let crmServer: Awaited<ReturnType<typeof startCrmServer>>;
let extension: LaunchedExtension;
let panel: Page;
let crm: Page;

test.beforeAll(async ({ api }) => {
  crmServer = await startCrmServer();
  ({ extension, panel } = await openSidePanel(api));
  await signIn(panel);
  await addClient(panel, 'Marek Zieliński');
  crm = await extension.context.newPage();
  await crm.goto(crmServer.url);
});
test.afterAll(async () => {
  await extension?.close();
  await crmServer?.close();
});

/** Selects the text of one element of the CRM page, as a mouse would, and answers what the browser selected. */
const select = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(selector)!);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);

test('"Analyze selection" sends the text selected on the CRM page to the session, which analyses it', async ({ ollama }) => {
  await crm.bringToFront();
  const selectionText = await select(crm, '#mail');
  // Headless Chromium cannot click a context menu: call the handler the background registered for it,
  // with the click data Chrome would pass, on the CRM tab.
  const result = await extension.serviceWorker.evaluate(async (selectionText) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const analyze = (globalThis as unknown as { suflerAnalyzeSelection: (info: object, tab?: chrome.tabs.Tab) => Promise<{ status: string }> })
      .suflerAnalyzeSelection;
    return analyze({ menuItemId: 'sufler-analyze-selection', selectionText }, tab);
  }, selectionText);
  expect(result.status).toBe('pending');

  await expect(section(panel, 'Conversation so far').getByText(MAIL)).toBeVisible();
  await expect(moves(panel)).toHaveCount(4);
  await expect(section(panel, 'Analysis').getByRole('meter', { name: 'Readiness to buy' })).toBeVisible();
  // The model was asked about the selected text.
  expect(ollama.chats().some((chat) => JSON.stringify(chat.body).includes('sobotę? Interesuje mnie leasing'))).toBe(true);
  await screenshot(panel, '11-selection-analysed');
});

test('"Read notes from this page" finds nothing on an unknown CRM, then the notes a selector set in the options points at', async () => {
  await crm.evaluate(() => getSelection()!.removeAllRanges());
  const readNotes = panel.getByRole('button', { name: 'Read notes from this page' });
  // The rep clicks the Sufler button on the CRM page: that lets the extension read this one page.
  await crm.bringToFront();
  await extension.clickToolbarButton(crm);
  await readNotes.click();
  await expect(panel.getByRole('status').filter({ hasText: 'Nothing found.' })).toBeVisible();

  const options = await extension.open('options.html');
  const sites = options.getByRole('region', { name: 'Reading notes from pages' });
  await sites.getByRole('button', { name: 'Add a site' }).click();
  await sites.getByLabel('Site 1 hostname').fill('127.0.0.1');
  await sites.getByLabel('Site 1 CSS selectors').fill('.crm-note .note-body');
  await sites.getByRole('button', { name: 'Save sites' }).click();
  // Saving also asks the browser for access to the site; headless Chromium never answers that prompt, so the
  // form's "saved" line does not come. What counts here is the rule in storage, where the panel reads it.
  await expect
    .poll(() => extension.serviceWorker.evaluate(async () => (await chrome.storage.local.get('siteRules')).siteRules))
    .toEqual([{ hostPattern: '127.0.0.1', selectors: ['.crm-note .note-body'] }]);
  await screenshot(options, '12-options-site-rule');
  await options.close();

  await crm.bringToFront();
  await readNotes.click();
  const box = panel.getByLabel('Text from the page: notes found by selectors (2). Check it before sending.');
  await expect(box).toHaveValue(NOTES.join('\n\n'));
  await panel.bringToFront();
  await screenshot(panel, '13-read-notes-confirm');
  expect(await axeViolations(panel)).toEqual([]);
  await panel.getByRole('button', { name: 'Send for analysis' }).click();
  await expect(section(panel, 'Conversation so far').getByText(NOTES[0]!, { exact: false })).toBeVisible();
  await expect(box).toHaveCount(0);
});
