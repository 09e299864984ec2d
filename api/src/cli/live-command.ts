import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { LIVE_SAMPLE_RATE, type ConsultantChannel, type LiveMode } from '@sufler/shared';
import { decodeAudio, locateFfmpeg } from '../adapters/audio';
import { AudioError } from '../modules/calls/ports';
import { createApp, type App } from '../app';
import type { Env } from '../env';
import { createLogger } from '../logger';
import { startServer, type RunningServer } from '../server';
import { replayLive, type ReplayEvent } from './live-replay';
import { readPassword } from './read-password';
import { ApiCallError, trpcOverHttp } from './trpc-over-http';

export type LiveReplayOptions = {
  consultantChannel: ConsultantChannel;
  speed: string;
  server?: string;
  email: string;
  client?: string;
  jsonl?: boolean;
  wait?: boolean;
};

/** A failure the operator can act on: printed as it is, exit code 1. */
class ReplayError extends Error {}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const latency = (ms: number | null) => (ms === null ? '' : ` (${ms} ms)`);

/** One readable line per event, for a terminal (`--jsonl` prints the events themselves). */
function describe(event: ReplayEvent | { type: 'call'; id: string; status: string; score: number | null }): string {
  switch (event.type) {
    case 'ready':
      return event.transcription === 'live' ? 'Streaming…' : 'Streaming (no live transcript: the server has no TRANSCRIBE_URL)…';
    case 'segment':
      return `[${seconds(event.start)}–${seconds(event.end)}] ${event.speaker}: ${event.text}${latency(event.latencyMs)}`;
    case 'analysis':
      return `  → after #${event.afterSegment}${latency(event.latencyMs)}: ${event.suggestions.map((s) => `${s.kind}: ${s.text}`).join(' | ')}`;
    case 'error':
      return `! ${event.code}: ${event.message}`;
    case 'ended':
      return event.callId ? `Call ${event.callId}` : `No call was made: ${event.error ?? 'unknown reason'}`;
    case 'call':
      return `Call ${event.id}: ${event.status}${event.score === null ? '' : `, score ${event.score}`}`;
  }
}

/**
 * `sufler live replay FILE`: streams a recording in real time (or at `--speed`) through the `/live` socket
 * the extension's capture uses, as the user `--email`, into a new client's co-pilot session, and prints
 * every segment and analysis with its latency, then the call it became. Stereo: `--consultant-channel` is
 * the microphone, the other channel the meeting tab. Mono: the whole file is the microphone (`mic_only`, as
 * in Firefox), so its segments are the consultant's and feed the co-pilot. Without `--server` the API runs
 * in this process on SUFLER_DATA_DIR (stop `sufler start` first on the embedded database).
 */
export async function runLiveReplay(env: Env, file: string, options: LiveReplayOptions): Promise<number> {
  const print = (event: Parameters<typeof describe>[0]) => console.log(options.jsonl ? JSON.stringify(event) : describe(event));
  const speed = Number(options.speed);
  let local: { app: App; running: RunningServer } | null = null;
  try {
    if (!Number.isFinite(speed) || speed < 0 || speed > 100) throw new ReplayError(`--speed must be a number from 0 (as fast as possible) to 100, not ${options.speed}`);
    const path = resolve(file);
    if (!(await stat(path).catch(() => null))?.isFile()) throw new ReplayError(`No such file: ${file}`);
    const decoded = await decodeAudio(await locateFfmpeg(env.SUFLER_FFMPEG), path, { sampleRate: LIVE_SAMPLE_RATE, maxDurationMs: env.SUFLER_CALL_MAX_MINUTES * 60_000 });
    const [left, right] = decoded.channels as [Int16Array, Int16Array | undefined];
    const mode: LiveMode = right ? 'tab_and_mic' : 'mic_only';
    const consultant = right && options.consultantChannel === 'right' ? right : left;
    const client = right ? (options.consultantChannel === 'right' ? left : right) : new Int16Array(0);
    const password = env.SUFLER_PASSWORD ?? (await readPassword(`Password for ${options.email}: `));

    let server = options.server;
    if (!server) {
      const logger = createLogger({ LOG_LEVEL: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL }, 'stderr');
      // Workers only with --wait: otherwise they would take the new call's stages and exit in the middle of them.
      const app = await createApp(env, logger, { workers: options.wait ?? false });
      const running = await startServer(app, { host: '127.0.0.1', port: 0 }).catch(async (error: unknown) => {
        await app.close();
        throw error;
      });
      local = { app, running };
      server = running.url;
    }

    let token: string | null = null;
    const api = trpcOverHttp(server, () => token);
    const login = await api.mutation('auth.login', { email: options.email, password }).catch((error: unknown) => {
      if (!(error instanceof ApiCallError) || error.code !== 'UNAUTHENTICATED') throw error;
      const where = options.server ? `on ${options.server}` : `in the database of SUFLER_DATA_DIR=${env.SUFLER_DATA_DIR} (add the user with \`npx sufler user add\`)`;
      throw new ReplayError(`Login failed for ${options.email}: ${error.message}; the user must exist ${where}`);
    });
    token = login.accessToken;
    const name = options.client ?? `Odtworzenie ${basename(path, extname(path))}`;
    const created = await api.mutation('clients.create', { name, contact: {} });
    const session = await api.mutation('sessions.start', { clientId: created.id });
    const notice = await api.query('live.notice');
    const started = await api.mutation('live.start', { sessionId: session.id, mode, consentConfirmed: true, noticeVersion: notice.version, origin: 'cli-replay' });
    const liveSessionId = started.live.id;

    const abort = new AbortController();
    const onSigint = () => abort.abort();
    process.once('SIGINT', onSigint);
    const ended = await replayLive({ server, token, liveSessionId, consultant, client, speed, signal: abort.signal, onEvent: print }).catch(async (error: unknown) => {
      // Whatever was streamed becomes a call rather than waiting out the resume window.
      await api.mutation('live.stop', { liveSessionId }).catch(() => undefined);
      throw new ReplayError(`The replay failed: ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => process.off('SIGINT', onSigint));
    if (!ended.callId) return 1;

    if (options.wait) {
      for (;;) {
        const call = await api.query('calls.get', { id: ended.callId });
        if (call.status === 'done' || call.status === 'failed') {
          print({ type: 'call', id: call.id, status: call.status, score: call.score });
          return call.status === 'done' ? 0 : 1;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof ReplayError || error instanceof ApiCallError || error instanceof AudioError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    if (local) {
      await local.running.close();
      await local.app.close();
    }
  }
}
