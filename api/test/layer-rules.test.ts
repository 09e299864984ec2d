import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

// The house layering is enforced by the linter; this proves the rules bite, not just exist.
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const rulesHit = async (file: string, code: string) =>
  (await eslint.lintText(code, { filePath: resolve(root, file) }))[0]!.messages.map((m) => m.ruleId);

test.each([
  ['shared/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'no-restricted-imports'],
  ['shared/src/x.ts', "import { appRouter } from '@sufler/api';\nexport const x = appRouter;", 'no-restricted-imports'],
  ['shared/src/x.ts', 'export const now = Date.now();', 'no-restricted-properties'],
  ['shared/src/x.ts', 'export const f = fetch;', 'no-restricted-globals'],
  ['extension/lib/x.ts', "import { appRouter } from '../../api/src/router';\nexport const r = appRouter;", 'no-restricted-imports'],
  ['api/src/x.ts', 'export const port = process.env.PORT;', 'no-restricted-properties'],
  ['api/src/modules/calls/x.ts', "import { createFsBlobStore } from '../../adapters/blob/fs-blob-store';\nexport const s = createFsBlobStore;", 'no-restricted-imports'],
  ['api/src/modules/calls/llm/x.ts', "import type { LlmGateway } from '../../../adapters/ollama/llm-gateway';\nexport type G = LlmGateway;", 'no-restricted-imports'],
  ['api/src/modules/live/x.ts', "import { x } from '../../../../extension/lib/x';\nexport const y = x;", 'no-restricted-imports'],
])('%s: %s → %s', async (file, code, rule) => {
  expect(await rulesHit(file, code)).toContain(rule);
});

test('type-only imports from the API are allowed in the extension', async () => {
  const code = "import type { AppRouter } from '@sufler/api';\nexport type R = AppRouter;";
  expect(await rulesHit('extension/lib/x.ts', code)).toEqual([]);
});

test("composition roots and tests may take adapters; modules take ports, their own or another module's", async () => {
  const code = "import { createFsBlobStore } from '../../adapters/blob/fs-blob-store';\nexport const s = createFsBlobStore;";
  expect(await rulesHit('api/src/modules/calls/create-calls-module.ts', code)).toEqual([]);
  expect(await rulesHit('api/src/modules/calls/x.test.ts', code)).toEqual([]);
  expect(await rulesHit('api/src/modules/live/x.ts', "import type { BlobStore } from '../calls/ports';\nexport type B = BlobStore;")).toEqual([]);
});
