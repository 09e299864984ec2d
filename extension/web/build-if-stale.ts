import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` runs this before the API: it builds the web cockpit when `.output/web` is missing or older than
 * its sources, so `npm ci && npm start` on a fresh clone serves a working page at `/`, and a pull or an edit
 * is picked up on the next start. The check walks the sources' mtimes (tens of milliseconds); a build takes a
 * few seconds. Run by hand: `node --import tsx extension/web/build-if-stale.ts`.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** What goes into the bundle: the extension's screens and libraries, and the shared domain code. */
const SOURCES = [join(REPO, 'extension'), join(REPO, 'shared', 'src'), join(REPO, 'package-lock.json')];
const SKIP = /^(node_modules|\.output|\.wxt|e2e)$|\.test\.tsx?$/;

/** The newest modification time (ms) of the files under `paths`, ignoring tests and build output. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) if (!SKIP.test(entry)) visit(join(path, entry));
  };
  paths.forEach(visit);
  return newest;
}

/** Why the bundle at `outDir` must be (re)built, or null when it is up to date. */
export function staleReason(outDir: string, sources: string[]): 'missing' | 'stale' | null {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return 'missing';
  return newestMtime(sources) > statSync(index).mtimeMs ? 'stale' : null;
}

async function main() {
  // A folder of one's own (SUFLER_WEB_DIR) is the deployer's to build; this only keeps the default one fresh.
  if (process.env.SUFLER_WEB_DIR) return;
  const started = performance.now();
  const reason = staleReason(join(REPO, '.output', 'web'), SOURCES);
  if (!reason) return;
  const vite = await import('vite').catch(() => null);
  if (!vite) {
    // An install without dev dependencies: the API still starts, and `/` says how to build the page.
    console.warn('Web cockpit not built (vite is not installed; run `npm ci`, then `npm run build:web`).');
    return;
  }
  console.log(`Building the web cockpit (${reason === 'missing' ? 'not built yet' : 'sources changed'})…`);
  try {
    await vite.build({ configFile: join(REPO, 'extension', 'web', 'vite.config.ts'), logLevel: 'warn' });
    console.log(`Web cockpit built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } catch {
    // Vite has printed why. The API is still worth starting: the extension and /trpc do not need the page.
    console.warn('The web cockpit did not build; the API starts without it (see the error above, then `npm run build:web`).');
  }
}

if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) await main();
