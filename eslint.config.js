// Layer rules from the house style: `shared` imports nothing of ours and no IO; `extension`
// takes only types from `api`; `api` never reaches into `extension`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];
const apiNotExtension = { group: ['@sufler/extension', '**/extension/**'], message: 'api does not depend on the extension.' };

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.output/**', '**/.wxt/**', '**/dist/**', 'test-results/**', '.sufler-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['@sufler/*', '**/api/**', '**/extension/**'], message: 'shared depends on zod only.' },
        { group: ['node:*', 'fs', 'path', 'http', 'https', 'os', 'child_process'], message: 'shared does no IO.' },
      ]),
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'browser', 'chrome', 'fetch', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'shared takes time as a parameter.' }],
    },
  },
  {
    files: ['api/**/*.ts', 'api/**/*.mjs', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict([apiNotExtension]),
    },
  },
  {
    // Modules see ports (their own `ports.ts`, or another module's), never an adapter, not even its types;
    // only the composition roots wire adapters in: app.ts, brain.ts, cli/, the create-*-module factories,
    // benches and tests. A later `no-restricted-imports` replaces the one above, so it repeats that pattern.
    files: ['api/src/modules/**/*.ts'],
    ignores: ['api/src/modules/*/create-*-module.ts', 'api/src/modules/**/*.test.ts', 'api/src/modules/**/*-test-kit.ts'],
    rules: {
      'no-restricted-imports': restrict([
        apiNotExtension,
        {
          regex: '^(\\.\\./)+adapters(/|$)',
          allowTypeImports: false,
          message: 'a module depends on ports (modules/<domain>/ports.ts), not on adapters: wire adapters in its create-*-module.ts.',
        },
      ]),
    },
  },
  {
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/env.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration through env.ts' }],
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}', 'wxt.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@sufler/api', '@sufler/api/*', '**/api/src/**'],
          allowTypeImports: true,
          message: 'the extension takes only types from the API (import type { AppRouter }).',
        },
      ]),
    },
  },
);
