import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import type { CallDetail, LiveSegment, LiveSession } from '@sufler/shared';
import { startTranscribeDouble, type TranscribeDouble } from '../../api/test/doubles/transcribe-double';
import { REFERENCE_LINES, REFERENCE_TURNS, referenceLineAt } from '../../api/test/fixtures/calls/reference-transcript';
import { splitFixtureSides } from '../../api/test/fixtures/calls/split-sides';
import { ADMIN, createApiProcess, type ApiProcess } from './api-process';
import { axeViolations } from './axe';
import { addClient, expect, moves, moveTexts, signIn, test } from './fixtures';
import { launchExtension, type LaunchedExtension } from './launch-extension';
import { ARTIFACTS } from './paths';

/**
 * A live meeting end to end, as a rep would have it (issue 11): a local meeting-like page plays the client's
 * side of the fixture call (espeak-ng's Polish two-voice dialogue), the microphone is Chromium's fake device
 * playing the consultant's side; the rep signs in, opens a client, presses "Listen to the meeting", confirms
 * the consent and clicks the Sufler icon on the meeting tab (CDP `Extensions.triggerAction`). Segments of both
 * sides appear in the panel, the next moves follow the transcript, the API is killed mid-meeting and started
 * again on the same port and data (the capture buffers and resends), and Stop makes a call that is processed
 * to `done` with the whole capture's length: no audio lost.
 *
 * Its own API (rules mode, the energy VAD, the transcription double of this process) and its own browser
 * (a fake microphone and autoplay): the shared worker API of fixtures.ts is not used.
 */
test.describe.configure({ mode: 'serial' });

const CLIENT_NAME = 'Anna Kowalska';
type Side = 'consultant' | 'client';
/** Each side's reference lines, in the order they are spoken in the fixture. */
const LINES: Record<Side, string[]> = {
  consultant: REFERENCE_LINES.filter((_, i) => REFERENCE_TURNS[i]!.speaker === 'CONSULTANT'),
  client: REFERENCE_LINES.filter((_, i) => REFERENCE_TURNS[i]!.speaker === 'CLIENT'),
};

let dir: string;
let meetingServer: Server;
let meetingUrl: string;
let transcribe: TranscribeDouble;
let api: ApiProcess;
let extension: LaunchedExtension;
let cdp: CDPSession;
let panel: Page;
let meeting: Page;

/** The meeting: a page with the client's voice in an `<audio autoplay loop>`, as a web meeting would play it. */
async function startMeetingServer(clientWav: string): Promise<Server> {
  const audio = readFileSync(clientWav);
  const html = `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Spotkanie: ${CLIENT_NAME}, Model Y</title>
<style>body{font:16px system-ui;margin:0;background:#1e1f24;color:#eee}main{padding:24px}.tile{background:#33353d;border-radius:12px;padding:32px;text-align:center}</style></head>
<body><main><h1>Spotkanie online</h1><div class="tile"><p><strong>${CLIENT_NAME}</strong> · klientka</p>
<audio id="call" src="/client.wav" autoplay loop controls></audio></div></main></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/client.wav') {
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': audio.length });
      return res.end(audio);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * A perfect recogniser whatever the timing: the live transcriber names each utterance `<side>-<startMs>.wav`,
 * and the page's audio and the fake microphone are not in step with the capture's start, so each side answers
 * its own reference lines in order (cycling). The call's batch files (`segment-…`) get the fixture's line.
 */
function perSideLines() {
  const next: Record<Side, number> = { consultant: 0, client: 0 };
  return ({ filename }: { filename: string | null }) => {
    const side = /^(consultant|client)-\d+\.wav$/.exec(filename ?? '')?.[1] as Side | undefined;
    if (!side) return referenceLineAt(filename);
    return LINES[side][next[side]++ % LINES[side].length]!;
  };
}

/** A tRPC query over HTTP as the rep (a login of its own: the panel's refresh token stays the panel's). */
async function query<T>(path: string, input: unknown): Promise<T> {
  const login = await fetch(`${api.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const { result } = (await login.json()) as { result: { data: { accessToken: string } } };
  const response = await fetch(`${api.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { authorization: `Bearer ${result.data.accessToken}` },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

type CaptureStateView = { phase: string; startedAt: number | null; liveSessionId: string | null; unackedMs: number; droppedMs: number; callId: string | null };
const captureState = () =>
  extension.serviceWorker.evaluate(() => (globalThis as unknown as { suflerLive: { state: CaptureStateView } }).suflerLive.state);

/** The recording's screenshot while someone speaks, so a level meter shows it. */
async function shotWithSound(name: string): Promise<void> {
  const level = (side: string) => live().getByRole('meter', { name: `Sound level: ${side}` }).getAttribute('aria-valuenow');
  await expect.poll(async () => Math.max(Number(await level('Consultant')), Number(await level('Client'))), { intervals: [100] }).toBeGreaterThan(10);
  await shot(panel, name);
}

/** A screenshot under test-results/e2e/screens/; the viewport only (400×900) unless `fullPage`. */
async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  const screens = join(ARTIFACTS, 'screens');
  mkdirSync(screens, { recursive: true });
  const path = join(screens, `${name}.png`);
  await page.screenshot({ path, fullPage });
  await test.info().attach(name, { path, contentType: 'image/png' });
  return path;
}

const live = () => panel.getByRole('region', { name: 'Live meeting' });
const tickerLines = () => live().locator('.ticker-line');
/** The ticker's lines as side and text ("Client: …" → ['client', '…']). */
const ticker = () =>
  tickerLines().evaluateAll((items) =>
    items.map((item) => ({ speaker: item.getAttribute('data-speaker'), text: (item.textContent ?? '').replace(/^[^:]+:\s*/, '') })),
  );

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sufler-live-meeting-'));
  // The fixture's sides, split with the project's ffmpeg: the page plays the client, the fake microphone the
  // consultant (it loops the file; 48 kHz is the rate Chromium captures at).
  const wavs = await splitFixtureSides(dir);
  meetingServer = await startMeetingServer(wavs.client);
  meetingUrl = `http://127.0.0.1:${(meetingServer.address() as { port: number }).port}/`;
  transcribe = await startTranscribeDouble({ respond: perSideLines() });
  api = await createApiProcess({
    // Rules mode: no model is asked (the URL is never called).
    ollamaUrl: 'http://127.0.0.1:9',
    transcribeUrl: transcribe.url,
    env: { SUFLER_LLM: 'off', SUFLER_VAD: 'energy' },
    logName: 'api-live-meeting.log',
  });
  extension = await launchExtension({
    apiUrl: api.url,
    width: 400,
    args: [
      // The microphone: a fake device playing the consultant's side (never --use-fake-ui-for-media-stream: it
      // breaks tab capture), and the meeting page may play without a click.
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wavs.consultant}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  // The microphone permission the permission page would get; this session stays attached to the end.
  cdp = await extension.context.browser()!.newBrowserCDPSession();
  await cdp.send('Browser.grantPermissions', { origin: `chrome-extension://${extension.id}`, permissions: ['audioCapture'] });
  panel = await extension.open('sidepanel.html');
  meeting = await extension.context.newPage();
  await meeting.goto(meetingUrl);
});

test.afterAll(async () => {
  await cdp?.detach().catch(() => undefined);
  await extension?.close();
  await api?.dispose();
  await transcribe?.close();
  meetingServer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a live meeting: both sides transcribed, moves follow, the API restarts mid-meeting, Stop makes a done call', async () => {
  test.setTimeout(240_000);

  // The meeting plays by itself (autoplay): the client's voice is on the tab.
  await expect.poll(() => meeting.evaluate(() => (document.getElementById('call') as HTMLAudioElement).currentTime)).toBeGreaterThan(0.5);

  await test.step('the rep signs in, opens the client and confirms the consent', async () => {
    await panel.bringToFront();
    await signIn(panel);
    await addClient(panel, CLIENT_NAME);
    await live().getByRole('button', { name: 'Listen to the meeting' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Before you record' });
    await expect(dialog.getByText('Tell the client:')).toBeVisible();
    await expect(dialog.locator('blockquote')).not.toBeEmpty();
    // Start without the confirmation is refused and says why.
    await dialog.getByRole('button', { name: 'Start recording' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('First confirm that the client knows the call is recorded.');
    await dialog.getByRole('checkbox', { name: 'The client was told the call is recorded' }).check();
    await shot(panel, '30-live-consent');
    expect(await axeViolations(panel)).toEqual([]);
    await dialog.getByRole('button', { name: 'Start recording' }).click();
    await expect(dialog).toBeHidden();
    // Armed: a click in the panel grants no tab capture, so the panel asks for the icon on the meeting tab.
    await expect(live().getByText('Click the Sufler icon on the meeting tab or press Alt+Shift+L to start recording.')).toBeVisible();
    expect((await captureState()).phase).toBe('needs-gesture');
  });

  let startedAt = 0;
  let liveSessionId = '';
  await test.step('the toolbar click on the meeting tab starts the capture', async () => {
    // From the top, so the client's turns follow the consultant's as in the call (the fake microphone starts
    // its file when the capture opens it); the transcript does not depend on it.
    await meeting.evaluate(() => ((document.getElementById('call') as HTMLAudioElement).currentTime = 0));
    await extension.clickToolbarButton(meeting);
    await expect(live().getByRole('status').filter({ hasText: /^Recording$/ })).toBeVisible({ timeout: 15_000 });
    const state = await captureState();
    expect(state.phase).toBe('recording');
    startedAt = state.startedAt!;
    liveSessionId = state.liveSessionId!;
    expect(startedAt).toBeGreaterThan(0);
    // The permission page was never needed: the granted permission is enough for the offscreen document.
    expect(extension.context.pages().some((page) => page.url().includes('mic-permission'))).toBe(false);
    // Both sides are heard: the fake microphone (consultant) and the meeting tab (client).
    for (const side of ['Consultant', 'Client']) {
      await expect
        .poll(async () => Number(await live().getByRole('meter', { name: `Sound level: ${side}` }).getAttribute('aria-valuenow')), { timeout: 20_000 })
        .toBeGreaterThan(0);
    }
    await expect(live().getByText('Live transcript.')).toBeVisible();
  });

  const seen = new Set<string>();
  const bestMoves = new Set<string>();
  /** Reads the ticker and the best move, remembering what was shown; every line must be its side's real line. */
  const watch = async () => {
    for (const line of await ticker()) {
      const side = line.speaker === 'CLIENT' ? 'client' : 'consultant';
      expect(LINES[side], `a ${side} line in the ticker`).toContain(line.text);
      seen.add(`${line.speaker}\t${line.text}`);
    }
    const best = (await moveTexts(panel))[0];
    if (best) bestMoves.add(best);
  };

  await test.step('segments of both sides appear with their sides, and the next moves follow them', async () => {
    await expect
      .poll(async () => {
        await watch();
        const speakers = new Set([...seen].map((entry) => entry.split('\t')[0]));
        return speakers.has('CLIENT') && speakers.has('CONSULTANT') && bestMoves.size >= 1;
      }, { timeout: 40_000, intervals: [500] })
      .toBe(true);
    // The side is a word on each line, not only a colour.
    await expect(tickerLines().filter({ hasText: /^Client: / }).first()).toBeVisible();
    await expect(tickerLines().filter({ hasText: /^Consultant: / }).first()).toBeVisible();
    await expect(moves(panel)).toHaveCount(4);
    // The client's words reached the co-pilot session as transcript observations (the consultant's do not).
    const detail = await query<LiveSession & { segments: LiveSegment[] }>('live.get', { liveSessionId });
    const session = await query<{ interactions: { kind: string; input: string }[] }>('sessions.get', { id: detail.sessionId });
    const transcripts = session.interactions.filter((interaction) => interaction.kind === 'transcript');
    expect(transcripts.length).toBeGreaterThanOrEqual(1);
    for (const interaction of transcripts) for (const text of interaction.input.split('\n')) expect(LINES.client).toContain(text);
    await shotWithSound('31-live-recording');
    expect(await axeViolations(panel)).toEqual([]);
  });

  let segmentsBefore = 0;
  await test.step('the API is killed mid-meeting: the capture buffers, then resends once it is back', async () => {
    segmentsBefore = (await query<{ segments: LiveSegment[] }>('live.get', { liveSessionId })).segments.length;
    await api.kill();
    try {
      const buffering = live().getByText(/^No connection to the server: \d+ s of recording waiting to be sent\.$/);
      await expect(buffering).toBeVisible({ timeout: 10_000 });
      // Recording goes on meanwhile: the red line and the clock stay.
      await expect(live().getByRole('status').filter({ hasText: /^Recording$/ })).toBeVisible();
      await panel.waitForTimeout(4_000);
      await expect(live().locator('.live-controls')).toHaveAttribute('data-phase', 'reconnecting');
      expect((await captureState()).phase).toBe('reconnecting');
      expect((await captureState()).unackedMs).toBeGreaterThan(3_000);
      await shot(panel, '32-live-reconnecting');
    } finally {
      await api.start();
    }
    await expect(live().getByText(/No connection to the server/)).toBeHidden({ timeout: 20_000 });
    await expect.poll(async () => (await captureState()).phase, { timeout: 15_000 }).toBe('recording');
    await expect.poll(async () => (await captureState()).unackedMs, { timeout: 15_000 }).toBeLessThan(2_500);
    const after = await captureState();
    expect(after.droppedMs).toBe(0);
    await expect(panel.getByRole('alert')).toHaveCount(0);
    // More of the meeting is transcribed after the restart, and the moves go on following it.
    await expect
      .poll(async () => {
        await watch();
        return (await query<{ segments: LiveSegment[] }>('live.get', { liveSessionId })).segments.length;
      }, { timeout: 30_000, intervals: [1_000] })
      .toBeGreaterThanOrEqual(segmentsBefore + 2);
  });

  let stoppedAt = 0;
  let callId = '';
  await test.step('Stop makes a call of the whole capture, processed to done', async () => {
    await expect
      .poll(async () => {
        await watch();
        return bestMoves.size;
      }, { timeout: 20_000, intervals: [1_000] })
      .toBeGreaterThanOrEqual(2);
    await shotWithSound('33-live-recording-resumed');
    // The moment of the click in the panel itself (Playwright's click on a background tab comes late).
    const clicked = panel.evaluate(
      () => new Promise<number>((resolve) => document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true })),
    );
    await live().getByRole('button', { name: 'Stop recording' }).click();
    stoppedAt = await clicked;
    const link = live().getByRole('link', { name: /Open the call/ });
    await expect(link).toBeVisible({ timeout: 30_000 });
    await expect(live().getByText('Recording saved as a call.')).toBeVisible();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${api.url}/#/calls/[0-9a-f-]{36}$`));
    expect(await link.getAttribute('target')).toBe('_blank');
    callId = href.split('/').at(-1)!;
    await shot(panel, '34-live-stopped');
    const detail = await query<LiveSession>('live.get', { liveSessionId });
    expect(detail).toMatchObject({ status: 'stopped', callId });

    await expect
      .poll(async () => (await query<CallDetail>('calls.get', { id: callId })).status, { timeout: 90_000, intervals: [1_000] })
      .toBe('done');
    const call = await query<CallDetail>('calls.get', { id: callId });
    // The ticker reads in the order things were said (a consultant line is stored after the echo check, so
    // after the resend burst a later client line may be stored first).
    const { segments } = await query<LiveSession & { segments: LiveSegment[] }>('live.get', { liveSessionId });
    const inTime = [...segments].sort((a, b) => a.startMs - b.startMs).map((x) => ({ speaker: x.speaker, text: x.text }));
    // Every stored segment reached the panel, the one Stop finished included.
    await expect.poll(async () => JSON.stringify(await ticker()), { timeout: 10_000 }).toBe(JSON.stringify(inTime.slice(-4)));
    test.info().annotations.push({ type: 'segments', description: segments.map((x) => `${x.index} ${x.speaker} ${x.startMs}-${x.endMs}`).join(', ') });
    // No audio lost: the call is as long as the capture ran, the outage included.
    const wallMs = stoppedAt - startedAt;
    test.info().annotations.push({ type: 'durations', description: `call ${call.durationMs} ms, capture ${wallMs} ms, ${seen.size} lines seen, best moves: ${bestMoves.size}` });
    expect(Math.abs(call.durationMs - wallMs)).toBeLessThanOrEqual(1_500);
  });
});
