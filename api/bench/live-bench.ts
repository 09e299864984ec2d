/**
 * Live meetings (issue 11), printed, never asserted: `live replay` of the stereo fixture through the real
 * `/live` socket of an in-process API on PGlite, rules mode, against the zero-latency transcription double.
 * - one replay in real time: end of speech → its segment (VAD end-of-utterance wait included) and → the
 *   updated moves, p50/p95 (targets p95 ≤ 800 ms and ≤ 1.5 s);
 * - N = 5, 10, 20, 30 replays at once of the fixture's first 20 s, each its own user, client and session:
 *   p95 end of speech → segment per N, and the largest N under 1 s (target ≥ 20).
 * The replay clients run in the same process as the API (they cost little: pacing and JSON). Workers are
 * off: each replay's call would otherwise go through the whole call pipeline meanwhile and be measured too.
 * `npm run bench -- live`: this section alone.
 */
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIVE_SAMPLE_RATE } from '@sufler/shared';
import { decodeAudio, locateFfmpeg } from '../src/adapters/audio';
import { createApp, type App } from '../src/app';
import { replayLive, type ReplayEvent } from '../src/cli/live-replay';
import { createLogger } from '../src/logger';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { startServer } from '../src/server';
import { createCallerFactory } from '../src/trpc/init';
import { startTranscribeDouble } from '../test/doubles/transcribe-double';
import { referenceLineForLive } from '../test/fixtures/calls/reference-transcript';
import { fixturePath } from '../test/fixtures/calls/rttm';
import { benchEnv } from './bench-env';
import { report } from './measure';

const CONCURRENCY = [5, 10, 20, 30];
const CONCURRENT_AUDIO_MS = 20_000;
/** Concurrent replays start spread over this long, as meetings do not all start on the same 200 ms. */
const STAGGER_MS = 2000;
const P95_LIMIT_MS = 1000;

type Sides = { consultant: Int16Array; client: Int16Array };
type Latencies = { segment: number[]; analysis: number[] };

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(0.95 * values.length))] ?? NaN;

let users = 0;
/** A new consultant with a client, an open co-pilot session and a started live session (consent confirmed). */
async function liveSessionFor(app: App): Promise<{ n: number; token: string; liveSessionId: string }> {
  const n = ++users;
  const user = await createUser(app.deps.orm.em.fork(), { email: `bench-live-${n}@example.com`, role: 'consultant', password: 'bench password 123' });
  const { token } = await app.deps.accessTokens.sign({ userId: user.id, role: 'consultant' });
  const caller = createCallerFactory(appRouter)({ deps: app.deps, accessToken: token });
  const client = await caller.clients.create({ name: `Klient na żywo ${n}` });
  const session = await caller.sessions.start({ clientId: client.id });
  const notice = await caller.live.notice();
  const { live } = await caller.live.start({ sessionId: session.id, mode: 'tab_and_mic', consentConfirmed: true, noticeVersion: notice.version, origin: 'bench' });
  return { n, token, liveSessionId: live.id };
}

type Prepared = Awaited<ReturnType<typeof liveSessionFor>>;

async function replay(server: string, { n, token, liveSessionId }: Prepared, sides: Sides, into: Latencies, delayMs = 0): Promise<void> {
  if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
  const onEvent = (event: ReplayEvent) => {
    if (event.type === 'segment' && event.latencyMs !== null) into.segment.push(event.latencyMs);
    if (event.type === 'analysis' && event.latencyMs !== null) into.analysis.push(event.latencyMs);
  };
  // The same audio twice would be the same call file, refused as a duplicate of another consultant's call:
  // an inaudible change of the first sample makes each replay its own recording.
  const consultant = Int16Array.from(sides.consultant);
  consultant[0] = n;
  const ended = await replayLive({ server, token, liveSessionId, consultant, client: sides.client, speed: 1, onEvent });
  if (!ended.callId) throw new Error(`a bench replay made no call: ${ended.error}`);
}

export async function benchLive(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sufler-bench-live-'));
  const transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineForLive(filename) });
  const env = benchEnv({ TRANSCRIBE_URL: transcribe.url, SUFLER_LLM: 'off', SUFLER_BLOB_DIR: join(dir, 'blobs') });
  const app = await createApp(env, createLogger(env), { inMemory: true, workers: false });
  const running = await startServer(app, { host: '127.0.0.1', port: 0 });
  try {
    const decoded = await decodeAudio(await locateFfmpeg(env.SUFLER_FFMPEG), fixturePath('dialogue_pl_stereo_8k.wav'), { sampleRate: LIVE_SAMPLE_RATE });
    const [consultant, client] = decoded.channels as [Int16Array, Int16Array];
    console.log(`\n== live meetings: replay through /live, rules mode, zero-latency transcription (pglite; ${availableParallelism()} CPUs, load ${loadavg()[0]!.toFixed(1)}) ==`);

    const one: Latencies = { segment: [], analysis: [] };
    await replay(running.url, await liveSessionFor(app), { consultant, client }, one);
    report(`one replay, real time (${Math.round(decoded.durationMs / 1000)} s): end of speech → segment`, one.segment);
    report('one replay, real time: end of speech → updated moves', one.analysis);

    const n20 = Math.round((CONCURRENT_AUDIO_MS / 1000) * LIVE_SAMPLE_RATE);
    const short = { consultant: consultant.subarray(0, n20), client: client.subarray(0, n20) };
    const held: number[] = [];
    for (const n of CONCURRENCY) {
      const all: Latencies = { segment: [], analysis: [] };
      // Users, clients and sessions first (hashing passwords is not what is measured), then the replays.
      const prepared: Prepared[] = [];
      for (let i = 0; i < n; i++) prepared.push(await liveSessionFor(app));
      const results = await Promise.allSettled(prepared.map((p, i) => replay(running.url, p, short, all, (i * STAGGER_MS) / n)));
      const failed = results.filter((r) => r.status === 'rejected').length;
      report(`${n} at once (${CONCURRENT_AUDIO_MS / 1000} s each): end of speech → segment`, all.segment);
      report(`${n} at once: end of speech → updated moves`, all.analysis);
      if (failed) console.log(`  ${failed} of ${n} replays failed: ${String((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)}`);
      if (!failed && p95(all.segment) < P95_LIMIT_MS) held.push(n);
    }
    // Each N is one run on a machine others share too: every verdict is printed, not only the largest.
    const missed = CONCURRENCY.filter((n) => !held.includes(n));
    console.log(`largest N of concurrent live sessions with p95 end of speech → segment < ${P95_LIMIT_MS} ms: ${held.length ? Math.max(...held) : 'none'}` + (missed.length ? ` (missed at N = ${missed.join(', ')})` : ''));
  } finally {
    await running.close();
    await app.close();
    await transcribe.close();
    await rm(dir, { recursive: true, force: true });
  }
}
