import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { staleReason } from './build-if-stale';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A source tree and a build, each file at the given time (seconds since the epoch). */
function tree(files: Record<string, number>) {
  root = mkdtempSync(join(tmpdir(), 'sufler-stale-'));
  for (const [path, seconds] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, seconds, seconds);
  }
  return { out: join(root, 'out'), sources: [join(root, 'src')] };
}

test.each([
  ['no build at all', { 'src/app.tsx': 100 }, 'missing'],
  ['a source newer than the build', { 'src/app.tsx': 100, 'src/lib/i18n.ts': 300, 'out/index.html': 200 }, 'stale'],
  ['the build newer than every source', { 'src/app.tsx': 100, 'src/lib/i18n.ts': 150, 'out/index.html': 200 }, null],
  ['only a test changed since', { 'src/app.tsx': 100, 'src/app.test.tsx': 300, 'out/index.html': 200 }, null],
  ['only installed packages changed since', { 'src/app.tsx': 100, 'src/node_modules/x/index.js': 300, 'out/index.html': 200 }, null],
] as const)('%s: %s', (_name, files, reason) => {
  const { out, sources } = tree(files);
  expect(staleReason(out, sources)).toBe(reason);
});
