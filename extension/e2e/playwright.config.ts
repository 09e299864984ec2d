import { defineConfig } from '@playwright/test';
import { ARTIFACTS, assertPrerequisites } from './paths';

// Fails here, before any test, when Chromium or the extension build is missing: a clear error, never a skip.
assertPrerequisites();

/**
 * End-to-end tests: Debian Chromium with the built extension (.output/chrome-mv3), the real API as a child
 * process on embedded PGlite, and the Ollama double. One worker: the specs share that API.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  outputDir: `${ARTIFACTS}/output`,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: `${ARTIFACTS}/report.json` }]],
});
