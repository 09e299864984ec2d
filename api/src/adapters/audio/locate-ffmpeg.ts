import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { AudioError } from '../../modules/calls/ports';

const INSTALL_HINT =
  'Run `npm ci` (the @ffmpeg-installer/ffmpeg package ships a binary for Linux, macOS and Windows on x64/arm64), ' +
  'or install ffmpeg (e.g. `sudo apt-get install ffmpeg`) and set SUFLER_FFMPEG to its path.';

const found = new Map<string, Promise<string>>();

/**
 * The ffmpeg to decode recordings with: `configured` (SUFLER_FFMPEG) when given, else the binary of the
 * `@ffmpeg-installer/ffmpeg` package, else `ffmpeg` on PATH. Each candidate must answer `-version`; the
 * answer is cached per `configured` value (a failure is not, so installing ffmpeg needs no restart).
 * A configured path that does not run is an error rather than a silent fallback: the setting would be
 * ignored without anyone noticing.
 */
export function locateFfmpeg(configured?: string): Promise<string> {
  const cacheKey = configured ?? '';
  let pending = found.get(cacheKey);
  if (!pending) {
    pending = search(configured);
    found.set(cacheKey, pending);
    pending.catch(() => found.delete(cacheKey));
  }
  return pending;
}

async function search(configured: string | undefined): Promise<string> {
  if (configured) {
    const problem = await runsVersion(configured);
    if (problem === null) return configured;
    throw new AudioError('FFMPEG_MISSING', `SUFLER_FFMPEG=${configured} does not run (${problem}). ${INSTALL_HINT}`);
  }
  const tried: string[] = [];
  for (const candidate of [packagedFfmpeg(), 'ffmpeg']) {
    if (typeof candidate !== 'string') {
      tried.push(candidate.problem);
      continue;
    }
    const problem = await runsVersion(candidate);
    if (problem === null) return candidate;
    tried.push(`${candidate}: ${problem}`);
  }
  throw new AudioError('FFMPEG_MISSING', `ffmpeg was not found (${tried.join('; ')}). ${INSTALL_HINT}`);
}

/** The package's binary path; it throws (a string, not an Error) on platforms it has no binary for. */
function packagedFfmpeg(): string | { problem: string } {
  try {
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    return installer.path;
  } catch (error) {
    return { problem: `@ffmpeg-installer/ffmpeg: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** null when `binary -version` prints an ffmpeg banner, else why not. */
function runsVersion(binary: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(binary, ['-hide_banner', '-version'], { timeout: 15_000, windowsHide: true }, (error, stdout) => {
      if (error) resolve((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : error.message.split('\n')[0]!);
      else resolve(/ffmpeg version/i.test(stdout) ? null : 'not an ffmpeg binary');
    });
  });
}
