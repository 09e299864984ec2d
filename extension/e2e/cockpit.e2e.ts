import type { Page } from '@playwright/test';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { join } from 'node:path';
import { axeViolations } from './axe';
import { addClient, expect, moves, moveTexts, MOVE_CARDS, observe, openSidePanel, screenshot, section, signIn, test, thumb, type LaunchedExtension } from './fixtures';
import { createE2eReplies, MODEL_MARK } from './ollama-replies';
import { watchDom } from './watch-dom';

// One rep's session from sign-in to a resumed conversation: each step builds on the one before.
test.describe.configure({ mode: 'serial' });

const CLIENT = 'Anna Nowak-Zielińska';
const NOTE = 'Klient ma dwoje dzieci, pyta o isofix i bagażnik na wózek. Budżet 250 tys. zł.';
const QUESTION = 'How do I close this client this week?';

let extension: LaunchedExtension;
let panel: Page;
/** When this spec's ratings began: other specs of the run share the database. */
let ratedFrom = new Date(0);

test.beforeAll(async ({ api }) => {
  ({ extension, panel } = await openSidePanel(api));
});
test.afterAll(async () => {
  await extension?.close();
});

test('signs in: a wrong password is refused with a message, the right one opens the cockpit', async () => {
  await expect(panel.getByText(/mode: AI model/)).toBeVisible();
  await expect(panel.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await screenshot(panel, '01-signed-out');

  await signIn(panel, 'not the password at all');
  await expect(panel.getByRole('alert')).toHaveText('Wrong e-mail or password.');
  await screenshot(panel, '02-wrong-password');

  await signIn(panel);
  await expect(panel.getByText('Signed in as admin@sufler.test')).toBeVisible();
  await expect(section(panel, 'Client')).toBeVisible();
});

test('creates a client, which opens a session with them', async () => {
  await section(panel, 'Client').getByLabel('Search clients').fill(CLIENT);
  await expect(section(panel, 'Client').getByText(`No clients match “${CLIENT}”.`)).toBeVisible();
  await addClient(panel, CLIENT);
  await expect(section(panel, 'Conversation so far').getByText('No observations yet.', { exact: false })).toBeVisible();
  await screenshot(panel, '03-new-session');
});

test('an observation streams in the analysis and 4 next moves from the model', async ({ ollama }) => {
  const seen = await watchDom(panel, MOVE_CARDS, 'count');
  await observe(panel, NOTE);

  // One set of four from the model (the double numbers the sets it has answered, across the run).
  const set = /Move 1 of set (\d+)/.exec((await moveTexts(panel))[0] ?? '')?.[1];
  for (let i = 0; i < 4; i++) await expect(moves(panel).nth(i)).toContainText(`Move ${i + 1} of set ${set} (${MODEL_MARK})`);
  // Each thumb says which move it rates.
  await expect(thumb(panel, 2, true)).toHaveAccessibleDescription(`Move 3 of set ${set} (${MODEL_MARK})`);
  // Streamed: the moves arrived one by one, not all at once at the end.
  expect(await seen()).toEqual(expect.arrayContaining([1, 4]));

  const analysis = section(panel, 'Analysis');
  await expect(analysis.getByText('Leading archetype')).toBeVisible();
  await expect(analysis.getByText(/^Family Guardian probability \d+%$/)).toBeVisible();
  await expect(analysis.getByRole('list', { name: 'Archetype distribution' }).getByRole('listitem')).toHaveCount(10);
  await expect(analysis.getByRole('meter', { name: 'Readiness to buy' })).toBeVisible();
  await expect(analysis.getByText('rules mode')).toHaveCount(0);
  await expect(section(panel, 'Conversation so far').getByText(NOTE)).toBeVisible();
  await expect(panel.getByLabel('Observation')).toHaveValue('');
  expect(ollama.chats().length).toBeGreaterThanOrEqual(2);
  await screenshot(panel, '04-analysed');
});

test('"Generate other suggestions" replaces the 4 moves with 4 new ones', async () => {
  const before = await moveTexts(panel);
  await section(panel, 'Next moves').getByRole('button', { name: 'Generate other suggestions' }).click();

  await expect(moves(panel).first()).not.toContainText(before[0]!);
  await expect(moves(panel)).toHaveCount(4);
  await expect(moves(panel).last()).toContainText(`Move 4 of set`);
  const after = await moveTexts(panel);
  expect(after.filter((text) => before.includes(text))).toEqual([]);
  await screenshot(panel, '05-regenerated');
});

test('rates a suggestion: the thumb stays pressed', async () => {
  ratedFrom = new Date(Date.now() - 1000);
  const up = thumb(panel, 0, true);
  await up.click();
  await expect(up).toHaveAttribute('aria-pressed', 'true');
  const down = thumb(panel, 1, false);
  await down.click();
  await expect(down).toHaveAttribute('aria-pressed', 'true');
  await expect(section(panel, 'Next moves').getByRole('alert')).toHaveCount(0);
});

test('opens the full strategy in its 5 tabs', async () => {
  const strategy = section(panel, 'Strategy');
  await strategy.getByRole('button', { name: 'Full strategy' }).click();
  const tabs = strategy.getByRole('tablist', { name: 'Strategy' }).getByRole('tab');
  await expect(tabs).toHaveText([
    'Summary and motivations',
    'Key phrases and way of speaking',
    'Script and next steps',
    'Handling objections',
    'Qualifying questions',
  ]);
  await expect(strategy.getByRole('tabpanel')).toContainText(`Strategy summary (${MODEL_MARK})`);
  await screenshot(panel, '06-strategy');

  const expected = ['five-star safety', 'Book a test drive', 'Compare the cost per month.', 'How many child seats do you need?'];
  for (const [index, text] of expected.entries()) {
    await tabs.nth(index + 1).click();
    await expect(tabs.nth(index + 1)).toHaveAttribute('aria-selected', 'true');
    await expect(strategy.getByRole('tabpanel')).toContainText(text);
  }
  // Keyboard: the arrows move between the tabs.
  await tabs.nth(4).press('ArrowRight');
  await expect(tabs.nth(0)).toBeFocused();
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
});

test('the strategic chat streams the advisor\'s answer', async ({ ollama }) => {
  // The next model call is the chat's: slowed down a little, so its streaming can be seen.
  ollama.script('gpt-oss:120b', { reply: createE2eReplies(), chunkDelayMs: 40 });
  const chat = section(panel, 'Strategic chat');
  const lengths = await watchDom(panel, '.answer', 'text');
  await chat.getByLabel('Question for the advisor').fill(QUESTION);
  await chat.getByLabel('Question for the advisor').press('Enter');

  const answer = `Offer a test drive with two child seats fitted this weekend (${MODEL_MARK}).`;
  await expect(chat.getByRole('list', { name: 'Chat messages' })).toContainText(QUESTION);
  await expect(chat.getByRole('list', { name: 'Chat messages' })).toContainText(answer);
  // More than one partial length on the way: the answer grew as it streamed.
  expect(new Set(await lengths()).size).toBeGreaterThan(2);
  await screenshot(panel, '07-chat');
  expect(await axeViolations(panel)).toEqual([]);
});

test('a reload resumes the same session with its history', async () => {
  await panel.reload();
  await expect(panel.getByRole('heading', { name: `Conversation: ${CLIENT}` })).toBeVisible();
  await expect(section(panel, 'Conversation so far').getByText(NOTE)).toBeVisible();
  await expect(section(panel, 'Analysis').getByText(/^Family Guardian probability \d+%$/)).toBeVisible();
  await expect(moves(panel)).toHaveCount(4);
  await expect(section(panel, 'Strategic chat').getByRole('list', { name: 'Chat messages' })).toContainText(QUESTION);
  await screenshot(panel, '08-resumed');
});

test('the ratings are stored in the database', async ({ api }) => {
  // Read the embedded database itself, with the API stopped (PGlite serves one process at a time).
  await api.stop();
  try {
    const db = await PGlite.create({ dataDir: join(api.dataDir, 'pgdata'), extensions: { vector } });
    const { rows } = await db.query<{ rating: number; email: string }>(
      'select f.rating, u.email from feedback f join app_user u on u.id = f.user_id where f.created_at >= $1 order by f.rating desc',
      [ratedFrom],
    );
    await db.close();
    expect(rows).toEqual([
      { rating: 1, email: 'admin@sufler.test' },
      { rating: -1, email: 'admin@sufler.test' },
    ]);
  } finally {
    await api.start();
  }
});
