import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startOllamaDouble, type OllamaDouble } from '../../api/test/doubles/ollama-double';
import { startTranscribeDouble, type TranscribeDouble } from '../../api/test/doubles/transcribe-double';
import { referenceLineAt } from '../../api/test/fixtures/calls/reference-transcript';
import { ADMIN, createApiProcess, type ApiProcess } from './api-process';
import { launchExtension, openContexts, type LaunchedExtension } from './launch-extension';
import { createE2eReplies } from './ollama-replies';
import { ARTIFACTS } from './paths';

/**
 * Worker-scoped, so one API and one Ollama double serve every spec file of the run (one worker):
 * `ollama` is the double in this process, answering valid structured replies; `transcribe` a Whisper-compatible
 * double; `api` is the real API as a child process on a free port and a temporary PGlite directory, in LLM
 * mode against the doubles.
 * Each spec launches its own browser (a fresh profile, so it starts signed out) with `openSidePanel`.
 */
export const test = base.extend<{ shotsOnFailure: void }, { ollama: OllamaDouble; transcribe: TranscribeDouble; api: ApiProcess }>({
  // Our browsers are launched by hand (extensions need a persistent context), so Playwright's own
  // `screenshot: 'only-on-failure'` does not see them: photograph every open page when a test fails.
  shotsOnFailure: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its first parameter.
    async ({}, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      let n = 0;
      for (const context of openContexts) {
        for (const page of context.pages()) {
          const path = testInfo.outputPath(`failure-${++n}.png`);
          await page.screenshot({ path, fullPage: true }).then(
            () => testInfo.attach(`failure ${n}: ${page.url()}`, { path, contentType: 'image/png' }),
            () => undefined,
          );
        }
      }
    },
    { auto: true },
  ],
  ollama: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its first parameter.
    async ({}, use) => {
      const ollama = await startOllamaDouble({ models: ['gpt-oss:120b', 'gpt-oss:20b'] });
      ollama.setDefault({ reply: createE2eReplies(), chunkDelayMs: 5 });
      await use(ollama);
      await ollama.close();
    },
    { scope: 'worker' },
  ],
  transcribe: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from its first parameter.
    async ({}, use) => {
      // A Whisper-compatible double that knows the fixture call's reference transcript.
      const transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineAt(filename) });
      await use(transcribe);
      await transcribe.close();
    },
    { scope: 'worker' },
  ],
  api: [
    async ({ ollama, transcribe }, use) => {
      const api = await createApiProcess({ ollamaUrl: ollama.url, transcribeUrl: transcribe.url });
      await use(api);
      await api.dispose();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

export { ADMIN, expect, type LaunchedExtension };

/** What a spec file starts from: the extension in a fresh browser (signed out), its side panel open as a tab. */
export async function openSidePanel(api: ApiProcess): Promise<{ extension: LaunchedExtension; panel: Page }> {
  const extension = await launchExtension({ apiUrl: api.url });
  return { extension, panel: await extension.open('sidepanel.html') };
}

/** Saves a full-page screenshot under test-results/e2e/screens/ and attaches it to the test's report. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(ARTIFACTS, 'screens');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** Signs in as the first admin through the login form. */
export async function signIn(panel: Page, password = ADMIN.password): Promise<void> {
  const form = panel.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('E-mail').fill(ADMIN.email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Adds a client by name from the picker, which opens a session with them. */
export async function addClient(panel: Page, name: string): Promise<void> {
  await panel.getByLabel("New client's name").fill(name);
  await panel.getByRole('button', { name: 'Add client' }).click();
  await expect(panel.getByRole('heading', { name: `Conversation: ${name}` })).toBeVisible();
}

/** Sends an observation from the box and waits for the 4 next moves of its analysis. */
export async function observe(panel: Page, text: string): Promise<void> {
  await panel.getByLabel('Observation').fill(text);
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(moves(panel)).toHaveCount(4);
}

/** Signs in, adds the client and sends a first observation: a session with an analysis and next moves. */
export async function startSession(panel: Page, client: string, note: string): Promise<void> {
  await signIn(panel);
  await addClient(panel, client);
  await observe(panel, note);
}

/** The section with a heading of that name (the cockpit's sections are labelled by their headings). */
export const section = (page: Page, heading: string) => page.getByRole('region', { name: heading });

/** The next moves: the cards of the "Next moves" list that can be rated (a pending card cannot). */
export const moves = (page: Page) =>
  section(page, 'Next moves')
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Useful', exact: true }) });

/** A CSS selector for the same cards, for `watchDom`. */
export const MOVE_CARDS = 'li:has(button[aria-pressed])';

/** The thumbs of the `index`-th move. */
export const thumb = (page: Page, index: number, up: boolean) =>
  moves(page).nth(index).getByRole('button', { name: up ? 'Useful' : 'Not useful', exact: true });

/** The texts of the current moves, in order. */
export const moveTexts = (page: Page) => moves(page).evaluateAll((cards) => cards.map((card) => card.textContent ?? ''));
