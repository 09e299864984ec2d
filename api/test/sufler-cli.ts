import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The `sufler` command as users run it (`npx sufler …` runs this file). */
export const BIN = resolve(import.meta.dirname, '../bin/sufler.mjs');

export type CliResult = { code: number | null; out: string; err: string };

/** The child's environment: embedded PGlite unless a test says otherwise, and quiet logs. */
const childEnv = (env: Record<string, string>) => ({ ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env });

/** Runs `sufler ARGS` to completion with `input` on stdin; blocks this process meanwhile. */
export function sufler(args: string[], env: Record<string, string>, input?: string): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: childEnv(env), input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * The same without blocking this process: for tests whose doubles (a transcription server) run in this
 * process and must answer the child while it runs. Killed after `timeoutMs` (code null).
 */
export function suflerAsync(args: string[], env: Record<string, string>, { input, timeoutMs = 60_000 }: { input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(input);
  });
}
