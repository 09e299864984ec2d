import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { decodeLiveFrame } from '@sufler/shared';
import { launchChromiumWithExtension } from '../../api/test/launch-chromium-with-extension';
import { CHROME_BUILD } from './paths';

/**
 * Smoke test of live capture (issue 11) in real Chromium: the toolbar action over CDP on a page arms the
 * tab capture, the offscreen document starts, takes the tab and the fake microphone (a WAV), and frames
 * reach a local /live endpoint that speaks the protocol (ready, ack, ended). The API itself is not started:
 * only the socket matters here. Own launch, because the fake microphone needs extra Chromium flags.
 */

/** What the background exposes on its global (see background.ts). */
type LiveGlobal = {
  suflerLive: {
    onMessage(raw: unknown, sendResponse: (reply: unknown) => void): boolean | undefined;
    readonly state: { phase: string };
    stop(): Promise<{ phase: string; callId: string | null }>;
  };
};

const LIVE_ID = '00000000-0000-4000-8000-0000000000e2';

/** 3 s of a 440 Hz tone, 48 kHz mono s16le: Chromium loops it as the microphone. */
function writeToneWav(path: string) {
  const rate = 48_000;
  const samples = rate * 3;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(12_000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}

test('the toolbar click starts the offscreen capture and frames reach /live; Stop sends end', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sufler-live-e2e-'));
  const wav = join(dir, 'mic.wav');
  writeToneWav(wav);

  // The "API": a page to capture on / and the /live socket.
  const frames: Array<{ seq: number; leftPeak: number }> = [];
  const hellos: unknown[] = [];
  let ends = 0;
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>Meeting</title><h1>Meeting</h1>');
  });
  const wss = new WebSocketServer({ server, path: '/live' });
  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        const message = JSON.parse(data.toString()) as { type: string };
        if (message.type === 'hello') {
          hellos.push(message);
          socket.send(JSON.stringify({ type: 'ready', nextSeq: frames.length, transcription: 'off' }));
        } else if (message.type === 'end') {
          ends++;
          socket.send(JSON.stringify({ type: 'ended', callId: LIVE_ID, error: null }));
        }
        return;
      }
      const frame = decodeLiveFrame(new Uint8Array(data as Buffer));
      frames.push({ seq: frame.seq, leftPeak: Math.max(...Array.from(frame.left, Math.abs)) });
      socket.send(JSON.stringify({ type: 'ack', seq: frame.seq }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  // A fake microphone playing the WAV (not --use-fake-ui-for-media-stream: it breaks tab capture).
  const browser = await launchChromiumWithExtension(CHROME_BUILD, {
    args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`, '--autoplay-policy=no-user-gesture-required'],
  });
  const { context, id, serviceWorker: sw } = browser;
  const browserCdp = await context.browser()!.newBrowserCDPSession();
  try {
    // The microphone permission the permission page would get; the CDP session stays attached meanwhile.
    await browserCdp.send('Browser.grantPermissions', { origin: `chrome-extension://${id}`, permissions: ['audioCapture'] });
    await sw.evaluate(
      async ({ apiUrl }) => {
        await chrome.storage.local.set({ settings: { apiUrl, language: 'en' } });
        const now = Date.now();
        await chrome.storage.session.set({
          auth: {
            accessToken: 'e2e-access-token',
            accessTokenExpiresAt: now + 3_600_000,
            refreshToken: 'e2e-refresh-token-000000000',
            refreshTokenExpiresAt: now + 7_200_000,
            user: { id: '00000000-0000-4000-8000-000000000001', email: 'rep@example.com', role: 'consultant', active: true },
          },
        });
      },
      { apiUrl },
    );

    const meeting = context.pages()[0] ?? (await context.newPage());
    await meeting.goto(apiUrl);
    // Armed as the panel does after live.start; no grant yet, so the phase asks for the click.
    const armed = await sw.evaluate(
      (liveSessionId) =>
        new Promise((resolve) => (globalThis as unknown as LiveGlobal).suflerLive.onMessage({ type: 'sufler/live-start', liveSessionId, mode: 'tab_and_mic' }, resolve)),
      LIVE_ID,
    );
    expect((armed as { state: { phase: string } }).state.phase).toBe('needs-gesture');

    const { targetInfos } = await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url.startsWith(apiUrl));
    expect(tab).toBeTruthy();
    await browserCdp.send('Extensions.triggerAction', { id, targetId: tab!.targetId });

    await expect
      .poll(() => sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length))
      .toBe(1);
    await expect.poll(() => sw.evaluate(() => (globalThis as unknown as LiveGlobal).suflerLive.state.phase), { timeout: 15_000 }).toBe('recording');
    await expect.poll(() => frames.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    expect(hellos[0]).toEqual({ type: 'hello', token: 'e2e-access-token', liveSessionId: LIVE_ID });
    expect(frames.map((f) => f.seq).slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The fake microphone's tone is on the left (consultant) side.
    expect(Math.max(...frames.map((f) => f.leftPeak))).toBeGreaterThan(3000);

    const stopped = await sw.evaluate(() => (globalThis as unknown as LiveGlobal).suflerLive.stop());
    expect(stopped.phase).toBe('stopped');
    expect(stopped.callId).toBe(LIVE_ID);
    expect(ends).toBe(1);
  } finally {
    await browserCdp.detach().catch(() => undefined);
    await browser.close();
    wss.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
