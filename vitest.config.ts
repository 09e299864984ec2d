import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,api,extension}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.output/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
