import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, moveTexts, openSidePanel, screenshot, section, startSession, test, type LaunchedExtension } from './fixtures';

// The API goes away mid-session (the child process is killed) and comes back on the same port and data.
test.describe.configure({ mode: 'serial' });

const FIRST = 'Pyta o zasięg zimą i ładowanie w trasie do Zakopanego.';
const OFFLINE = 'Ma dom z fotowoltaiką, myśli o wallboxie; wpisane bez połączenia z API.';

let extension: LaunchedExtension;
let panel: Page;

test.beforeAll(async ({ api }) => {
  ({ extension, panel } = await openSidePanel(api));
  await startSession(panel, 'Ewa Kamińska', FIRST);
});
test.afterAll(async () => {
  await extension?.close();
});

test('a note typed while the API is down is kept, then sent and analysed once it is back', async ({ api, ollama }) => {
  const before = await moveTexts(panel);
  await api.kill();
  try {
    // The panel sees the loss by itself, before the rep sends anything. The analysis just ended, so the lazy
    // socket is still open: its close triggers a health check at once (5 s, well under the 15 s slow poll).
    await expect(panel.getByText(/Connection to the API lost|Reconnecting to the API/).first()).toBeVisible({ timeout: 5_000 });
    await panel.getByLabel('Observation').fill(OFFLINE);
    await panel.getByRole('button', { name: 'Add to queue' }).click();
    // The note is in the timeline, marked as waiting, and out of the box.
    const queued = section(panel, 'Conversation so far').getByRole('listitem').filter({ hasText: OFFLINE });
    await expect(queued).toContainText('queued, waiting for connection');
    await expect(panel.getByLabel('Observation')).toHaveValue('');
    await screenshot(panel, '14-offline-note-kept');
    expect(await axeViolations(panel)).toEqual([]);
  } finally {
    await api.start();
  }

  const sent = section(panel, 'Conversation so far').getByRole('listitem').filter({ hasText: OFFLINE });
  await expect(sent).not.toContainText('queued', { timeout: 30_000 });
  await expect(panel.getByText(/Connection to the API lost|Reconnecting to the API/)).toHaveCount(0);
  // Four new moves, all different from the ones before the loss: the note was analysed.
  await expect.poll(async () => {
    const texts = await moveTexts(panel);
    return texts.length === 4 && texts.every((text) => !before.includes(text));
  }).toBe(true);
  expect(ollama.chats().some((chat) => JSON.stringify(chat.body).includes('fotowoltaiką'))).toBe(true);
  await screenshot(panel, '15-reconnected');

  // Sent once: a reload shows the two observations, not a duplicate of the queued one.
  await panel.reload();
  await expect(section(panel, 'Conversation so far').getByRole('listitem')).toHaveCount(2);
});
