import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, ROOT } from './paths';

export const ADMIN = { email: 'admin@sufler.test', password: 'e2e admin password 123' };

/**
 * The real API (`sufler start`) as a child process on embedded PGlite in a temporary data directory, with
 * the first admin from SUFLER_ADMIN_EMAIL/SUFLER_ADMIN_PASSWORD. It can be stopped, killed and started again
 * on the same port and data directory, as a rep's API would go away and come back.
 */
export type ApiProcess = {
  url: string;
  port: number;
  dataDir: string;
  start: () => Promise<void>;
  /** SIGTERM: the API shuts down cleanly (the database is closed, its lock released). */
  stop: () => Promise<void>;
  /** SIGKILL: the API is gone at once, like a crash or a pulled cable. */
  kill: () => Promise<void>;
  dispose: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function createApiProcess(options: {
  ollamaUrl: string;
  transcribeUrl?: string;
  port?: number;
  /** More variables, or overrides (live-meeting.e2e.ts: rules mode, the energy VAD). */
  env?: Record<string, string>;
  /** The log's file name under test-results/e2e/ (a spec with its own API keeps the shared api.log). */
  logName?: string;
}): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sufler-e2e-data-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const log: WriteStream = createWriteStream(join(ARTIFACTS, options.logName ?? 'api.log'));
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const env = {
    ...process.env,
    // CI points DATABASE_URL at PostgreSQL; this run is about the embedded database.
    DATABASE_URL: '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    SUFLER_DATA_DIR: dataDir,
    SUFLER_ADMIN_EMAIL: ADMIN.email,
    SUFLER_ADMIN_PASSWORD: ADMIN.password,
    SUFLER_LLM: 'on',
    OLLAMA_URL: options.ollamaUrl,
    OLLAMA_API_KEY: '',
    OLLAMA_MODELS: 'gpt-oss:120b,gpt-oss:20b',
    SUFLER_EMBEDDER: 'offline',
    QDRANT_URL: '',
    TRANSCRIBE_URL: options.transcribeUrl ?? '',
    DIARIZE_URL: '',
    ...options.env,
  };

  async function start() {
    if (child) throw new Error('the API is already running');
    const started = spawn(process.execPath, ['api/bin/sufler.mjs', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      output = (output + chunk.toString()).slice(-4000);
    };
    started.stdout!.on('data', keep);
    started.stderr!.on('data', keep);
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const gone = exited.then(() => {
      throw new Error(`the API exited during start-up (code ${started.exitCode}):\n${output}`);
    });
    try {
      await Promise.race([waitForHealth(url, 60_000), gone]);
    } catch (error) {
      started.kill('SIGKILL');
      child = undefined;
      throw error;
    }
  }

  async function signal(name: NodeJS.Signals, graceMs: number) {
    const running = child;
    if (!running) return;
    child = undefined;
    running.kill(name);
    const timer = setTimeout(() => running.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    url,
    port,
    dataDir,
    start,
    stop: () => signal('SIGTERM', 15_000),
    kill: () => signal('SIGKILL', 5_000),
    dispose: async () => {
      await signal('SIGTERM', 15_000);
      await new Promise<void>((resolve) => log.end(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API at ${url} did not become healthy in ${timeoutMs} ms (${last})`);
}
