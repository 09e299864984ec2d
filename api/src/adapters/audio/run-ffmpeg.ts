import { spawn } from 'node:child_process';

export type FfmpegRun = { exitCode: number | null; stderr: string };

/** Keep the end of stderr only: a corrupt file can make ffmpeg print a line per bad frame. */
const STDERR_LIMIT = 64 * 1024;

/**
 * Runs ffmpeg as a child process (the event loop keeps serving while it works). `onStdout` gets each
 * chunk as it arrives; an aborted `signal` kills ffmpeg and rejects with the signal's reason.
 */
export function runFfmpeg(
  ffmpeg: string,
  args: string[],
  options: { signal?: AbortSignal; onStdout?: (chunk: Buffer) => void } = {},
): Promise<FfmpegRun> {
  const { signal, onStdout } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const child = spawn(ffmpeg, ['-hide_banner', '-nostdin', ...args], {
      stdio: ['ignore', onStdout ? 'pipe' : 'ignore', 'pipe'],
      windowsHide: true,
    });
    let stderr = '';
    let failed: unknown;
    const onAbort = () => {
      failed = signal!.reason;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      stderr = (stderr + text).slice(-STDERR_LIMIT);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (failed !== undefined) return;
      try {
        onStdout!(chunk);
      } catch (error) {
        // The consumer refuses more (e.g. the recording is too long): stop decoding now.
        failed = error;
        child.kill('SIGKILL');
      }
    });
    child.on('error', (error) => {
      failed ??= error;
    });
    child.on('close', (exitCode) => {
      signal?.removeEventListener('abort', onAbort);
      if (failed !== undefined) reject(failed);
      else resolve({ exitCode, stderr });
    });
  });
}

/**
 * The last meaningful line ffmpeg printed, trimmed, for error messages: `[mp3float @ 0x2ff5] x` reads
 * `mp3float: x`, and the (server-side, temporary) input path reads `input`.
 */
export function lastStderrLine(stderr: string, inputPath?: string): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line && line !== 'At least one output file must be specified');
  let line = (lines.at(-1) ?? '').replace(/^\[(\w+) @ 0x[0-9a-f]+\]\s*/, '$1: ');
  if (inputPath) line = line.split(inputPath).join('input');
  return line.slice(0, 300);
}
