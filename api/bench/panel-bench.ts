/**
 * Side panel figures for `npm run bench`, printed, never asserted: the initial JavaScript of the built
 * panel (gzipped, the budget is 200 KB) and the time from opening the panel to interactive in
 * headless Chromium. A missing build or browser skips that figure with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, launchChromiumWithExtension } from '../test/launch-chromium-with-extension';
import { report } from './measure';

const BUILD = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
const BUDGET_KB = 200;
const LOADS = 10;
/**
 * Runs in the page: its time since navigation start once the e-mail field is visible and enabled, else 0.
 * (Typed by hand: the API's TypeScript has no DOM types; and extension pages forbid a string to evaluate.)
 */
type PanelGlobals = {
  document: { querySelector(selector: string): { disabled: boolean; checkVisibility(): boolean } | null };
  performance: { now(): number };
};
const interactiveAt = () => {
  const { document, performance } = globalThis as unknown as PanelGlobals;
  const field = document.querySelector('input[type="email"]');
  return field && !field.disabled && field.checkVisibility() ? performance.now() : 0;
};

/**
 * The JavaScript that sidepanel.html loads before anything runs: its module scripts and modulepreloads, and
 * what those import statically (`import(…)` calls load later, so they do not count).
 */
export function initialScripts(buildDir: string, page = 'sidepanel.html'): string[] {
  const html = readFileSync(join(buildDir, page), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => posix.resolve('/', m[1]!));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    // Static imports in a bundle: `import"./a.js"`, `from"./b.js"` (a dynamic import has a parenthesis).
    for (const m of code.matchAll(/\b(?:import|from)\s*["']([^"']+\.js)["']/g)) queue.push(posix.resolve(posix.dirname(file), m[1]!));
  }
  return [...seen];
}

function reportSize(): void {
  if (!existsSync(join(BUILD, 'sidepanel.html'))) return console.log(`side panel initial JS: skipped (no build in ${BUILD}; run \`npm run build\`)`);
  const files = initialScripts(BUILD);
  const sizes = files.map((file) => {
    const raw = readFileSync(join(BUILD, file));
    return { file, raw: raw.length, gzip: gzipSync(raw).length };
  });
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(
    `side panel initial JS: ${kb(total)} KB gzipped (${kb(sizes.reduce((sum, s) => sum + s.raw, 0))} KB raw, ${files.length} files; budget ${BUDGET_KB} KB)`,
  );
  for (const s of sizes) console.log(`  ${s.file.padEnd(40)} ${kb(s.gzip).padStart(7)} KB gzipped`);
}

/** Opens sidepanel.html as a tab `LOADS` times; "interactive": the login form's e-mail field is visible and enabled. */
async function reportTimeToInteractive(): Promise<void> {
  if (!existsSync(join(BUILD, 'manifest.json'))) return console.log('side panel open → interactive: skipped (no extension build)');
  if (!existsSync(CHROMIUM)) return console.log(`side panel open → interactive: skipped (no Chromium at ${CHROMIUM}; apt-get install -y chromium)`);
  const browser = await launchChromiumWithExtension(BUILD);
  try {
    const url = `chrome-extension://${browser.id}/sidepanel.html`;
    const times: number[] = [];
    for (let i = 0; i <= LOADS; i++) {
      const page = await browser.context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
      // Measured inside the page, from its navigation start, so Playwright's own round trips do not count.
      const handle = await page.waitForFunction(interactiveAt, undefined, { polling: 'raf', timeout: 30_000 });
      const ms = (await handle.jsonValue()) as number;
      if (i > 0) times.push(ms); // the first load warms the browser's caches
      await page.close();
    }
    report(`side panel open → interactive (headless Chromium)`, times);
  } finally {
    await browser.close();
  }
}

export async function benchPanel(): Promise<void> {
  console.log('\n== side panel ==');
  reportSize();
  await reportTimeToInteractive().catch((error: unknown) => console.log(`side panel open → interactive: failed (${(error as Error).message})`));
}

// Also on its own: `node --import tsx api/bench/panel-bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchPanel();
}
