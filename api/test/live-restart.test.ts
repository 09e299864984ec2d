import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeLiveFrame, LIVE_SAMPLE_RATE, LiveServerMessageSchema, type LiveServerMessage } from '@sufler/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '../src/app';
import { decodeAudio } from '../src/adapters/audio/decode-audio';
import { locateFfmpeg } from '../src/adapters/audio/locate-ffmpeg';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { startServer, type RunningServer } from '../src/server';
import { createCallerFactory } from '../src/trpc/init';
import { startTranscribeDouble, type TranscribeDouble } from './doubles/transcribe-double';
import { referenceLineForLive } from './fixtures/calls/reference-transcript';
import { fixturePath } from './fixtures/calls/rttm';
import { PASSWORD, TEST_ENCRYPTION_KEY } from './harness';

/**
 * The API restarts mid-meeting (embedded database on disk, as `npm start` runs it): the capture reconnects
 * to the new process, is told where the stored recording ends, resends from there, and the call holds the
 * whole meeting.
 */
let dir: string;
let transcribe: TranscribeDouble;
let app: App | null = null;
let server: RunningServer | null = null;
let frames: Uint8Array[];
let durationMs: number;

async function boot(port = 0) {
  const env = loadEnv({
    SUFLER_DATA_DIR: join(dir, 'data'),
    SUFLER_JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    SUFLER_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    LOG_LEVEL: 'silent',
    OLLAMA_URL: 'http://127.0.0.1:9',
    TRANSCRIBE_URL: transcribe.url,
    SUFLER_VAD: 'energy',
  });
  app = await createApp(env, createLogger(env));
  server = await startServer(app, { host: '127.0.0.1', port });
  return server;
}

async function shutDown() {
  await server?.close();
  await app?.close();
  server = null;
  app = null;
}

function socketTo(url: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/live`);
  const messages: LiveServerMessage[] = [];
  socket.on('message', (data, isBinary) => void (!isBinary && messages.push(LiveServerMessageSchema.parse(JSON.parse(data.toString())))));
  const until = async <T extends LiveServerMessage['type']>(type: T, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = messages.find((m) => m.type === type);
      if (found) return found as Extract<LiveServerMessage, { type: T }>;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${type}: ${JSON.stringify(messages)}`);
  };
  return { socket, messages, until, opened: new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject)) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sufler-live-restart-'));
  transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineForLive(filename) });
  const decoded = await decodeAudio(await locateFfmpeg(undefined), fixturePath('dialogue_pl_stereo_8k.wav'), { sampleRate: LIVE_SAMPLE_RATE });
  const [left, right] = decoded.channels as [Int16Array, Int16Array];
  durationMs = (left.length / LIVE_SAMPLE_RATE) * 1000;
  const per = LIVE_SAMPLE_RATE / 5;
  frames = [];
  for (let at = 0, seq = 0; at < left.length; at += per, seq++) {
    const n = Math.min(per, left.length - at);
    const interleaved = new Int16Array(n * 2);
    for (let k = 0; k < n; k++) [interleaved[2 * k], interleaved[2 * k + 1]] = [left[at + k]!, right[at + k]!];
    frames.push(encodeLiveFrame(seq, interleaved));
  }
}, 60_000);
afterAll(async () => {
  await shutDown();
  await transcribe?.close();
  await rm(dir, { recursive: true, force: true });
});

test('a restart of the API mid-meeting loses no audio: the capture resumes the same live session', async () => {
  const first = await boot();
  const port = Number(new URL(first.url).port);
  const user = await createUser(app!.deps.orm.em.fork(), { email: 'rep@example.com', role: 'consultant', password: PASSWORD });
  const { token } = await app!.deps.accessTokens.sign({ userId: user.id, role: 'consultant' });
  const caller = () => createCallerFactory(appRouter)({ deps: app!.deps, accessToken: token });
  const client = await caller().clients.create({ name: 'Jan Nowak' });
  const session = await caller().sessions.start({ clientId: client.id });
  const notice = await caller().live.notice();
  const { live } = await caller().live.start({ sessionId: session.id, mode: 'tab_and_mic', consentConfirmed: true, noticeVersion: notice.version });

  const before = socketTo(first.url);
  await before.opened;
  before.socket.send(JSON.stringify({ type: 'hello', token, liveSessionId: live.id }));
  await before.until('ready');
  const half = Math.floor(frames.length / 2);
  for (const frame of frames.slice(0, half)) before.socket.send(frame);
  await before.until('ack');
  await new Promise((resolve) => setTimeout(resolve, 500));
  // The process goes away (a deploy, a crash that Node survives long enough to close).
  await shutDown();

  const second = await boot(port);
  const after = socketTo(second.url);
  await after.opened;
  after.socket.send(JSON.stringify({ type: 'hello', token, liveSessionId: live.id }));
  const ready = await after.until('ready');
  expect(ready.nextSeq).toBeGreaterThan(0);
  expect(ready.nextSeq).toBeLessThanOrEqual(half);
  // The capture's buffer still holds what was not acknowledged: it resends from the server's nextSeq.
  for (const frame of frames.slice(ready.nextSeq)) after.socket.send(frame);
  after.socket.send(JSON.stringify({ type: 'end' }));
  const ended = await after.until('ended', 60_000);
  expect(ended).toMatchObject({ error: null });
  const call = await caller().calls.get({ id: ended.callId! });
  expect(Math.abs(call.durationMs - durationMs)).toBeLessThan(300);
}, 120_000);
