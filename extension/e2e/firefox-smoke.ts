import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { startTranscribeDouble, type TranscribeDouble } from '../../api/test/doubles/transcribe-double';
import { ADMIN, createApiProcess, type ApiProcess } from './api-process';
import { ARTIFACTS, ROOT } from './paths';

/**
 * Firefox smoke test of live capture in microphone-only mode (issue 11), optional: not part of `npm test`
 * (CI has no Firefox). `npm run build` first, then `npm run smoke:firefox`.
 *
 * The real API (`sufler start`, embedded PGlite, rules mode, the energy VAD, the transcription double) and
 * Debian's Firefox ESR headless over WebDriver BiDi (puppeteer-core), the built `.output/firefox-mv2` installed
 * with BiDi `webExtension.install` (temporary add-on), a fake microphone (Firefox's generated tone) and a fixed
 * add-on UUID, so the sidebar page opens as a tab (`moz-extension://UUID/sidepanel.html`). The rep signs in,
 * adds a client, sees the mic-only notice, presses "Listen to the meeting", confirms the consent; the
 * capture must reach `recording`, the live session's `receivedMs` must grow on the API, and Stop must make a
 * call. Prints PASS/FAIL lines; exits 1 on any failure. Screenshots go to test-results/e2e/firefox/.
 *
 * Sound: Firefox's AudioContext never starts without an audio output (no sound server, no /dev/snd: `resume()`
 * stays pending for good). So the script runs its own PulseAudio with a null sink for Firefox when
 * `pulseaudio` is installed (`apt-get install -y pulseaudio`) and PULSE_SERVER is not set.
 *
 * Facts: BiDi refuses to navigate to moz-extension:// unless Firefox runs with `--remote-allow-system-access`;
 * the navigation to the extension page then never reports its load to puppeteer (the page is there and can be
 * evaluated in, but `goto` times out), so the script does not wait on it.
 */

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const BUILD = `${ROOT}.output/firefox-mv2`;
const ADDON_ID = 'sufler@sufler.dev';
const UUID = '6a1f0e2c-3b4d-4c5e-8f70-81a2b3c4d5e6';
const PANEL_URL = `moz-extension://${UUID}/sidepanel.html`;
const SHOTS = join(ARTIFACTS, 'firefox');
const CLIENT_NAME = 'Anna Kowalska';

const results: Array<{ ok: boolean; name: string; detail?: string }> = [];
const pass = (name: string, detail?: string) => {
  results.push({ ok: true, name, detail });
  console.log(`PASS ${name}${detail ? ` (${detail})` : ''}`);
};
const fail = (name: string, detail: string) => {
  results.push({ ok: false, name, detail });
  console.log(`FAIL ${name}: ${detail}`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives a truthy value (returned) or the time is up (throws with `what`). */
async function until<T>(what: string, check: () => Promise<T>, ms = 20_000, every = 250): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error; // the page reloading, a context not ready yet
    }
    await sleep(every);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** A tRPC call over plain HTTP (api/src/cli/trpc-over-http.ts explains the shape). */
function trpc(api: ApiProcess) {
  let token: string | null = null;
  const call = async <T>(path: string, input: unknown, mutation = false): Promise<T> => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response = mutation
      ? await fetch(`${api.url}/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) })
      : await fetch(`${api.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
    const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
    if (!body.result) throw new Error(`${path}: HTTP ${response.status} ${body.error?.message ?? ''}`);
    return body.result.data;
  };
  return {
    /** A login of its own: the panel's refresh token stays the panel's. */
    async login() {
      token = (await call<{ accessToken: string }>('auth.login', ADMIN, true)).accessToken;
    },
    query: <T>(path: string, input: unknown) => call<T>(path, input),
  };
}

type LiveView = { id: string; mode: string; status: string; receivedMs: number; callId: string | null; error: string | null };

// ---- the page, through DOM queries (ARIA selectors need CDP) ----

/** The panel's visible text. */
const text = (page: Page) => page.evaluate(() => document.body?.innerText ?? '');

/** The button whose text starts with `label` (visible ones first). */
async function button(page: Page, label: string): Promise<ElementHandle<HTMLButtonElement>> {
  return until(`the button "${label}"`, async () => {
    const handle = await page.evaluateHandle((wanted) => {
      const buttons = [...document.querySelectorAll('button')].filter((b) => (b.textContent ?? '').trim().startsWith(wanted));
      return buttons.find((b) => b.offsetParent !== null) ?? buttons[0] ?? null;
    }, label);
    const element = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
    return element && !(await element.evaluate((b) => b.disabled)) ? element : null;
  });
}

/** The form control labelled `label`. */
async function field(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  return until(`the field "${label}"`, async () => {
    const handle = await page.evaluateHandle((wanted) => {
      const found = [...document.querySelectorAll('label')].find((l) => (l.textContent ?? '').trim().startsWith(wanted));
      return (found?.control as HTMLInputElement | null) ?? null;
    }, label);
    return handle.asElement() as ElementHandle<HTMLInputElement> | null;
  });
}

async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** A PulseAudio of this run with a null sink (see above); null when there is none to start or one is given. */
async function startPulse(): Promise<{ env: Record<string, string>; stop: () => void } | null> {
  if (process.env.PULSE_SERVER) return null;
  if (spawnSync('pulseaudio', ['--version']).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'sufler-pulse-'));
  const env = { XDG_RUNTIME_DIR: dir, PULSE_SERVER: `unix:${dir}/pulse/native` };
  const child: ChildProcess = spawn(
    'pulseaudio',
    ['--daemonize=no', '--exit-idle-time=-1', '-n', '--load=module-null-sink sink_name=smoke', '--load=module-native-protocol-unix', '--log-target=stderr'],
    { env: { ...process.env, ...env }, stdio: 'ignore' },
  );
  await until('PulseAudio', async () => existsSync(`${dir}/pulse/native`), 10_000, 100);
  return {
    env,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(env: Record<string, string>): Promise<Browser> {
  return puppeteer.launch({
    env: { ...process.env, ...env },
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    enableExtensions: true,
    // Navigation to moz-extension:// pages over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Firefox's generated microphone (a tone), granted without a prompt.
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      // The add-on's internal UUID, so its pages have a known address.
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
    },
  });
}

async function main(): Promise<number> {
  if (!existsSync(FIREFOX)) {
    console.log(`FAIL prerequisites: no Firefox at ${FIREFOX} (apt-get install -y firefox-esr, or set FIREFOX)`);
    return 1;
  }
  if (!existsSync(`${BUILD}/manifest.json`)) {
    console.log(`FAIL prerequisites: no Firefox build in ${BUILD}: run \`npm run build\` first`);
    return 1;
  }

  let transcribe: TranscribeDouble | undefined;
  let api: ApiProcess | undefined;
  let browser: Browser | undefined;
  let pulse: Awaited<ReturnType<typeof startPulse>> = null;
  try {
    pulse = await startPulse();
    if (pulse) console.log(`INFO PulseAudio with a null sink for Firefox at ${pulse.env.PULSE_SERVER}`);
    else if (!process.env.PULSE_SERVER) console.log('INFO no pulseaudio: without a sound output Firefox\'s AudioContext never runs (apt-get install -y pulseaudio)');
    transcribe = await startTranscribeDouble({ respond: ({ index }) => `Dzień dobry, mówi konsultant, fragment ${index + 1}.` });
    api = await createApiProcess({
      ollamaUrl: 'http://127.0.0.1:9', // rules mode: no model is asked
      transcribeUrl: transcribe.url,
      env: { SUFLER_LLM: 'off', SUFLER_VAD: 'energy' },
      logName: 'api-firefox-smoke.log',
    });
    pass('API started', api.url);
    const rest = trpc(api);
    await rest.login();

    browser = await launchFirefox(pulse?.env ?? {});
    const version = await browser.version();
    const installed = await browser.installExtension(BUILD);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
    pass('Firefox started, add-on installed', `${version}, ${installed}`);

    const page = await browser.newPage();
    await page.setViewport({ width: 420, height: 900 });
    // Never reports its load over BiDi (see above): the page is polled instead.
    void page.goto(PANEL_URL, { timeout: 5_000 }).catch(() => undefined);
    await until('the sidebar page', () => page.evaluate(() => location.href.startsWith('moz-extension:') && document.readyState === 'complete'));
    // This run's API and English, as the options page would save them; then the panel starts again with them.
    await page.evaluate(async (apiUrl) => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      await ext.storage.local.set({ settings: { apiUrl, language: 'en' } });
      location.reload();
    }, api.url);
    await sleep(500);
    await until('the sign-in form', async () => (await text(page)).includes('Sign in'));
    pass('sidebar page opened as a tab', PANEL_URL);

    await (await field(page, 'E-mail')).type(ADMIN.email);
    await (await field(page, 'Password')).type(ADMIN.password);
    await (await button(page, 'Sign in')).click();
    await (await field(page, "New client's name")).type(CLIENT_NAME);
    await (await button(page, 'Add client')).click();
    await until('the conversation', async () => (await text(page)).includes(`Conversation: ${CLIENT_NAME}`));
    pass('signed in, client added');

    const micOnly = "Firefox cannot record a tab's sound; microphone only (your side of the call).";
    await until('the mic-only notice', async () => (await text(page)).includes(micOnly), 10_000)
      .then(() => pass('the panel says microphone only and why'))
      .catch((error: Error) => fail('the panel says microphone only and why', error.message));

    await (await button(page, 'Listen to the meeting')).click();
    await until('the consent dialog', async () => (await text(page)).includes('Before you record'));
    const dialogText = await page.evaluate(() => document.querySelector('dialog')?.innerText ?? '');
    if (dialogText.includes(micOnly)) pass('the consent dialog says microphone only');
    else fail('the consent dialog says microphone only', JSON.stringify(dialogText.slice(0, 400)));
    await until('the notice loaded', () => page.evaluate(() => Boolean(document.querySelector('dialog blockquote')?.textContent?.trim())));
    await (await field(page, 'The client was told the call is recorded')).click();
    await shot(page, '10-consent');
    await (await button(page, 'Start recording')).click();

    let recording = false;
    try {
      await until('the recording state', async () => {
        const phase = await page.evaluate(() => (document.querySelector('.live-controls[data-phase]') as HTMLElement | null)?.dataset.phase ?? null);
        if (phase === 'error') throw new Error(`phase error: ${await page.evaluate(() => document.querySelector('.live-controls .error')?.textContent ?? '')}`);
        return phase === 'recording';
      });
      recording = true;
      pass('capture recording in the sidebar page');
    } catch (error) {
      await shot(page, '90-not-recording').catch(() => undefined);
      fail('capture recording in the sidebar page', `${(error as Error).message}; panel: ${JSON.stringify((await text(page)).slice(0, 600))}`);
    }

    // The live session on the API: client → its session → the active live session.
    const clients = await rest.query<{ items: Array<{ id: string; name: string }> }>('clients.list', { search: CLIENT_NAME });
    const client = clients.items.find((c) => c.name === CLIENT_NAME);
    if (!client) throw new Error('the client is not on the API');
    const [session] = await rest.query<Array<{ id: string }>>('sessions.list', { clientId: client.id });
    const live = await until('the live session on the API', () => rest.query<LiveView | null>('live.active', { sessionId: session!.id }), 10_000);
    if (live.mode === 'mic_only') pass('live session started in mic_only mode', live.id);
    else fail('live session started in mic_only mode', `mode ${live.mode}`);

    const get = () => rest.query<LiveView>('live.get', { liveSessionId: live.id });
    if (recording) {
      const first = await until('audio on the API', async () => ((await get()).receivedMs > 0 ? get() : null), 15_000).catch(() => null);
      await sleep(3_000);
      const second = await get();
      if (first && second.receivedMs > first.receivedMs) pass('frames reach the API: receivedMs grows', `${first.receivedMs} → ${second.receivedMs} ms`);
      else fail('frames reach the API: receivedMs grows', `${first?.receivedMs ?? 0} → ${second.receivedMs} ms`);

      // The consultant's meter moves with the fake microphone's tone; the client's side says it is not recorded.
      const meters = await page.evaluate(() =>
        [...document.querySelectorAll('[role="meter"]')].map((m) => `${m.getAttribute('aria-label')}=${m.getAttribute('aria-valuenow')}`),
      );
      console.log(`INFO meters: ${meters.join(', ') || 'none'}`);
      const screenshot = await shot(page, '20-recording');
      console.log(`INFO screenshot while recording: ${screenshot}`);
    }

    await (await button(page, 'Stop')).click();
    const ended = await until('the live session stopped', async () => {
      const now = await get();
      return now.status !== 'recording' && (now.callId || now.error) ? now : null;
    }, 45_000).catch(() => null);
    await shot(page, '30-stopped').catch(() => undefined);
    if (ended?.callId) {
      const call = await rest.query<{ id: string; durationMs?: number | null; status?: string }>('calls.get', { id: ended.callId });
      pass('Stop makes a call', `call ${call.id}, status ${call.status ?? '?'}, live received ${ended.receivedMs} ms`);
    } else {
      fail('Stop makes a call', ended ? `status ${ended.status}, error ${ended.error}` : 'the live session did not stop in 45 s');
    }
    const panelAfter = await text(page);
    if (/call/i.test(panelAfter)) console.log(`INFO panel after Stop: ${JSON.stringify(panelAfter.slice(0, 300))}`);
  } catch (error) {
    fail('smoke test', (error as Error).stack ?? String(error));
  } finally {
    await browser?.close().catch(() => undefined);
    await api?.dispose().catch(() => undefined);
    await transcribe?.close().catch(() => undefined);
    pulse?.stop();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(failed ? `FAIL firefox smoke: ${failed} of ${results.length} checks failed` : `PASS firefox smoke: ${results.length} checks`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
