// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { memoryPendingInputStorage } from '../../lib/pending-input-storage';
import type { Platform } from '../../lib/platform';
import { rulesModeHealth } from '../../lib/test-fixtures';
import { memoryTokenStorage } from '../../lib/token-storage';
import { memoryResumeStorage } from '../../features/cockpit/resume';
import { createWebPlatform, memoryKeyValueStore, WEB_KEYS } from '../../web/web-platform';
import { App } from './app';

vi.mock('wxt/utils/storage', () => import('../../web/no-extension-storage'));

const ORIGIN = 'http://sufler.test:8787';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('pl');
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(rulesModeHealth), { headers: { 'content-type': 'application/json' } })));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('App on the web platform', () => {
  test('talks to the page origin and offers the language switch, which relabels the screens and is kept', async () => {
    const local = memoryKeyValueStore();
    const platform = createWebPlatform({ origin: ORIGIN, local, session: memoryKeyValueStore() });
    render(<App platform={platform} />);
    expect(await screen.findByRole('form', { name: 'Zaloguj się' })).toBeTruthy();
    expect(vi.mocked(fetch).mock.calls[0]![0].toString()).toBe(`${ORIGIN}/health`);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Język' }), 'English');
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveProperty('value', 'en');
    expect(JSON.parse(local.entries.get(WEB_KEYS.settings)!)).toEqual({ language: 'en' });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  test('a stored language is used from the start', async () => {
    const local = memoryKeyValueStore({ [WEB_KEYS.settings]: JSON.stringify({ language: 'en' }) });
    render(<App platform={createWebPlatform({ origin: ORIGIN, local, session: memoryKeyValueStore() })} />);
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
  });
});

test('App in the extension has no language switch (the options page has it)', async () => {
  const platform: Platform = {
    kind: 'extension',
    settings: {
      load: async () => ({ apiUrl: 'http://127.0.0.1:8787', language: 'pl' }),
      save: async (settings) => settings,
      watch: () => () => undefined,
    },
    tokens: memoryTokenStorage(),
    resume: memoryResumeStorage(),
    pendingInput: memoryPendingInputStorage(),
  };
  render(<App platform={platform} />);
  expect(await screen.findByRole('form', { name: 'Zaloguj się' })).toBeTruthy();
  expect(screen.queryByRole('combobox')).toBeNull();
});
