import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { fixturePath } from '../../api/test/fixtures/calls/rttm';
import { axeViolations } from './axe';
import { addClient, ADMIN, expect, screenshot, signIn, test } from './fixtures';
import { CHROMIUM } from './paths';
import { watchDom } from './watch-dom';

// Call evaluation in the web cockpit, as a manager at a desk would use it: upload a recorded call (for a
// client, with a title), watch it being processed, review the transcript against the recording, correct a
// label, override a criterion, export the PDF and the XLSX; the call's link opened on a phone; the recording
// played from a segment's time (last: it needs the page's CSP to allow blob: media).
test.describe.configure({ mode: 'serial' });

let browser: Browser;
let page: Page;
let callUrl = '';
/** The criterion overridden, and the result the reviewer gave it (in the English words of the screen). */
const overridden = { label: '', result: '' };
const STEREO = fixturePath('dialogue_pl_stereo_8k.wav');
const FILE = 'kowalska-model-y.wav';
const TITLE = 'Kowalska – Model Y';
const CLIENT = 'Anna Kowalska';
const COMMENT = 'The client booked the test drive herself.';

const nav = (name: 'Assistant' | 'Calls' | 'Dashboard' | 'Scorecards') => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });
const audio = () => page.getByLabel(`Recording: ${TITLE}`);
const media = (property: 'duration' | 'currentTime') => audio().evaluate((element, name) => (element as HTMLAudioElement)[name], property);
const segment = (time: string) => page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Play from ${time}`, exact: true }) });
/** What the page's Content-Security-Policy refused, as the console reports it. */
const blocked: string[] = [];
/**
 * The recording's length in seconds once Chromium has read it; until then NaN, or, when the page's CSP
 * refused to load it, that refusal, so a failed check says why.
 */
const recordingLength = async () => {
  const seconds = await media('duration');
  return Number.isNaN(seconds) && blocked.length > 0 ? blocked.join('\n') : seconds;
};
/** Nothing wider than the screen: no sideways scrolling. */
const overflow = (on: Page) => on.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.beforeAll(async ({ api }) => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => localStorage.setItem('sufler.settings', JSON.stringify({ language: 'en' })));
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) blocked.push(message.text());
  });
  await page.goto(`${api.url}/`);
  await signIn(page);
  // A client to link the call to, added the way a rep adds one.
  await addClient(page, CLIENT);
});
test.afterAll(async ({ transcribe }) => {
  transcribe.delayMs = 0;
  await browser?.close();
});

test('upload a call for a client, with per-file progress, and watch it processed to the end', async ({ transcribe }) => {
  await nav('Calls').click();
  await expect(page).toHaveURL(/#\/calls$/);
  const upload = page.getByRole('region', { name: 'Upload recordings' });
  // A manager files the call under someone; by default themselves.
  const whose = upload.getByLabel('Consultant on the call');
  await expect(whose.locator('option:checked')).toHaveText(`${ADMIN.email} (you)`);
  await upload.getByLabel('Find a client').fill('kowal');
  const picker = upload.getByLabel('Client (optional)');
  await expect(picker.getByRole('option', { name: CLIENT })).toBeAttached();
  await picker.selectOption({ label: CLIENT });
  await upload.getByLabel('Title (optional)').fill(TITLE);

  // A slow link (512 kB/s up), so the 2 MB file takes a few seconds and its bar can be seen moving.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
  const progress = await watchDom(page, `[role="progressbar"][aria-label="Uploading ${FILE}"]`, 'count');
  const percents: number[] = [];
  const bar = upload.getByRole('progressbar', { name: `Uploading ${FILE}` });
  // Slower stages too: the transcription double answers each segment after half a second.
  transcribe.delayMs = 500;
  await upload.getByLabel('Choose files').setInputFiles([{ name: FILE, mimeType: 'audio/wav', buffer: readFileSync(STEREO) }]);
  await expect(bar).toBeVisible();
  while ((await bar.count()) > 0) {
    const now = await bar.getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => null);
    if (now !== null && percents.at(-1) !== Number(now)) percents.push(Number(now));
    await page.waitForTimeout(100);
  }
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  expect(await progress()).toEqual([0, 1, 0]);
  expect(percents.some((value) => value > 0 && value < 100)).toBe(true);
  const item = upload.getByRole('listitem').filter({ hasText: FILE });
  await expect(item.getByText('Uploaded. The call is being processed.')).toBeVisible();

  // Straight to the call while it is processed: its address is its own.
  await item.getByRole('button', { name: `Open call: ${TITLE}` }).click();
  await expect(page).toHaveURL(/#\/calls\/[0-9a-f-]{36}$/);
  callUrl = page.url();
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  // The stages move on live: the transcription's own bar, then every stage done and the results in place,
  // with no reload.
  await expect(page.getByRole('progressbar', { name: 'Progress: Transcription' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('All stages done.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('meter', { name: /^Score: \d+(\.\d)?\/100$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Client sentiment over time' })).toBeVisible();
  await expect(page.getByText(/^Mean client sentiment: /)).toBeVisible();
  await expect(page.getByText('Share of talking')).toBeVisible();
  // The client's first turn starts at 7.0 s in the reference (Silero VAD finds it there; the energy detector's pre-roll said 00:06).
  await expect(segment('00:07')).toContainText('Modelu Y');
  expect(transcribe.requests.length).toBeGreaterThan(5);
  transcribe.delayMs = 0;
  await expect(page.getByRole('definition').filter({ hasText: CLIENT })).toBeVisible();
});

test('the calls list: a table on a wide screen, the call in its row', async () => {
  await nav('Calls').click();
  await expect(page).toHaveURL(/#\/calls$/);
  const table = page.getByRole('table', { name: 'Call list' });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: `Open call: ${TITLE}` }) });
  await expect(row.getByRole('cell').first()).toHaveText('done');
  await expect(row).toContainText(CLIENT);
  await expect(row).toContainText(ADMIN.email);
  await expect(row.getByRole('cell').nth(6)).toHaveText(/^\d+(\.\d)?\/100$/);
  await screenshot(page, '20-calls-list');
  expect(await axeViolations(page)).toEqual([]);
  await row.getByRole('link', { name: `Open call: ${TITLE}` }).click();
  await expect(page).toHaveURL(callUrl);
});

test('the call has its own address: a reload stays on it, back and forward step between list and call', async () => {
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  await expect(nav('Calls')).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).toHaveURL(/#\/calls$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Calls' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  // The wide layout: the transcript on the left, the score beside it on the right.
  const transcript = await page.getByRole('region', { name: 'Transcript' }).boundingBox();
  const score = await page.getByRole('region', { name: /^Score/ }).boundingBox();
  expect(score!.x).toBeGreaterThan(transcript!.x + transcript!.width - 1);
  await expect(audio()).toBeVisible();
  await screenshot(page, '21-call-detail');
  expect(await axeViolations(page)).toEqual([]);
});

test('correct a speaker label; the correction is kept (after a reload too)', async () => {
  const speaker = page.getByLabel('Speaker from 00:00');
  const before = await speaker.inputValue();
  const after = before === 'CLIENT' ? 'CONSULTANT' : 'CLIENT';
  await speaker.selectOption(after);
  await expect(segment('00:00').getByText('corrected', { exact: true })).toBeVisible();
  await expect(page.getByText('Transcript version: 1')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Speaker from 00:00')).toHaveValue(after, { timeout: 20_000 });
  await expect(segment('00:00').getByText('corrected', { exact: true })).toBeVisible();
});

test('override a criterion with a comment; the automatic result stays beside it', async () => {
  const override = page.getByRole('button', { name: /^Override the criterion: / }).first();
  const label = (await override.getAttribute('aria-label'))!.replace('Override the criterion: ', '');
  await override.click();
  const form = page.getByRole('form', { name: `Override of the criterion: ${label}` });
  const automatic = (await form.getByRole('radio', { checked: true }).getAttribute('value'))!;
  const chosen = automatic === 'met' ? 'not_met' : 'met';
  const words: Record<string, string> = { met: 'met', partly: 'partly', not_met: 'not met' };
  await form.getByRole('radio', { name: words[chosen], exact: true }).check();
  await form.getByLabel('Comment (required)').fill(COMMENT);
  await form.getByRole('button', { name: 'Save override' }).click();
  await expect(form).toBeHidden();
  const item = page.getByRole('list', { name: 'Criteria' }).getByRole('listitem').filter({ hasText: label });
  await expect(item.getByText(`Override: ${words[chosen]}.`)).toBeVisible();
  await expect(item.getByText(`Automatic: ${words[automatic]}.`)).toBeVisible();
  await expect(item.getByText(COMMENT)).toBeVisible();
  Object.assign(overridden, { label, result: words[chosen] });
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, '22-call-override');
});

test('export the call as PDF', async () => {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const pdf = await download;
  const bytes = readFileSync((await pdf.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
});

test('the dashboard, and the calls as XLSX with the row of the call', async () => {
  await nav('Dashboard').click();
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Consultants' }).getByRole('listitem').filter({ hasText: ADMIN.email })).toBeVisible();
  await screenshot(page, '23-calls-dashboard');
  expect(await axeViolations(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  const xlsx = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  const sheet = workbook.worksheets[0]!;
  const header = cells(sheet.getRow(1));
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cells(sheet.getRow(i + 2)));
  const row = rows.find((values) => values.includes(TITLE));
  expect(row, `a row titled ${TITLE} in ${JSON.stringify(rows)}`).toBeDefined();
  const at = (column: string) => row![header.indexOf(column)];
  expect([at('Consultant'), at('Client'), at('Scorecard'), at('Status')]).toEqual([ADMIN.email, CLIENT, 'SALES', 'done']);
  expect(typeof at('Total score')).toBe('number');
  // One column per criterion; the overridden one holds the reviewer's result.
  expect(header.filter((name) => String(name).startsWith('SALES · ')).length).toBeGreaterThan(3);
  expect(at(`SALES · ${overridden.label}`)).toBe(overridden.result);
});

test('a shared link to the call, opened on a phone: sign in, and the call is there, fitting the screen', async () => {
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await phone.addInitScript(() => localStorage.setItem('sufler.settings', JSON.stringify({ language: 'en' })));
  const mobile = await phone.newPage();
  await mobile.goto(callUrl);
  await signIn(mobile);
  await expect(mobile.getByRole('heading', { level: 2, name: TITLE })).toBeVisible();
  await expect(mobile.getByRole('button', { name: 'Play from 00:00', exact: true })).toBeVisible();
  expect(await overflow(mobile)).toBeLessThanOrEqual(0);
  // One column: the score above the transcript.
  const transcript = await mobile.getByRole('region', { name: 'Transcript' }).boundingBox();
  const score = await mobile.getByRole('region', { name: /^Score/ }).boundingBox();
  expect(score!.y + score!.height).toBeLessThanOrEqual(transcript!.y);
  await screenshot(mobile, '24-call-phone');
  // The list as cards there, not a table.
  await mobile.getByRole('link', { name: 'Back to the calls' }).click();
  await expect(mobile.getByRole('list', { name: 'Call list' }).getByRole('link', { name: `Open call: ${TITLE}` })).toBeVisible();
  expect(await overflow(mobile)).toBeLessThanOrEqual(0);
  await phone.close();
});

test("the recording plays, and a segment's time seeks it there", async () => {
  await page.goto(callUrl);
  // Chromium read the recording's length: it loaded (from a blob: URL, the API wants a bearer token).
  await expect.poll(recordingLength, { timeout: 15_000 }).toBeGreaterThan(60);
  await page.getByRole('button', { name: 'Play from 00:26', exact: true }).click();
  await expect.poll(() => media('currentTime')).toBeGreaterThanOrEqual(26);
  expect(await media('currentTime')).toBeLessThan(36);
  await expect(segment('00:26')).toHaveAttribute('aria-current', 'true');
  await audio().evaluate((element) => (element as HTMLAudioElement).pause());
});

/** A row's values from its first cell on (exceljs counts from 1, leaving index 0 empty). */
function cells(row: ExcelJS.Row): unknown[] {
  return (row.values as unknown[]).slice(1).map((value) => (value && typeof value === 'object' && 'text' in value ? (value as { text: unknown }).text : value));
}


test('as the admin, edit the SALES scorecard: one weight and one more phrase, saved as version 2', async () => {
  await nav('Scorecards').click();
  await expect(page).toHaveURL(/#\/scorecards$/);
  const sales = page.getByRole('list', { name: 'Scorecards' }).getByRole('listitem').filter({ has: page.getByText('SALES', { exact: true }) });
  await expect(sales).toContainText('built-in');
  await sales.getByRole('link').click();
  await expect(page).toHaveURL(/#\/scorecards\/SALES$/);
  await expect(page.getByText('SALES · version 1 · built-in')).toBeVisible();

  const first = () => page.getByRole('group', { name: /^Criterion 1: / });
  const weight = first().getByLabel('Weight (1–100)');
  const before = Number(await weight.inputValue());
  await weight.fill(String(before + 5));
  // The built-in weights add up to 100: now they do not, which is a note, not an error.
  await expect(page.getByText('Total of the weights: 105')).toBeVisible();
  await expect(page.getByText(/^Note: the weights do not add up to 100\./)).toBeVisible();
  await first().getByRole('button', { name: 'Add a phrase' }).click();
  await page.keyboard.type('miło mi*');

  // Unsaved: the browser's back button asks first, and staying keeps the form with its edits.
  const asked = page.waitForEvent('dialog');
  await page.evaluate(() => history.back());
  const dialog = await asked;
  expect(dialog.message()).toBe('The scorecard has unsaved changes. Leave and discard them?');
  await dialog.dismiss();
  await expect(page).toHaveURL(/#\/scorecards\/SALES$/);
  await expect(weight).toHaveValue(String(before + 5));

  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Saved: SALES, version 2.')).toBeVisible();
  await expect(page.getByText('SALES · version 2 · built-in')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // The whole form in one picture: as tall a window as the page, so the sticky footer shows where the form
  // ends (a full-page shot of a shorter window leaves it halfway down).
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await screenshot(page, '25-scorecard-editor');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Kept by the API: a reload shows version 2 with both changes, and the list shows its version.
  await page.reload();
  await expect(page.getByText('SALES · version 2 · built-in')).toBeVisible();
  await expect(first().getByLabel('Weight (1–100)')).toHaveValue(String(before + 5));
  await expect(first().getByRole('textbox', { name: /^Phrase \d+$/ }).last()).toHaveValue('miło mi*');
  await page.getByRole('link', { name: 'Back to the scorecards' }).click();
  await expect(sales.getByRole('definition').nth(1)).toHaveText('2');
});
