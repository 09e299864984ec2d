// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { memoryPendingInputStorage } from '../../lib/pending-input-storage';
import type { Platform } from '../../lib/platform';
import { rulesModeHealth, tokenPair, user } from '../../lib/test-fixtures';
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

describe('signed in', () => {
  const signedIn = (role: 'consultant' | 'admin' = 'consultant'): Platform => ({
    kind: 'extension',
    settings: {
      load: async () => ({ apiUrl: 'http://127.0.0.1:8787', language: 'pl' }),
      save: async (settings) => settings,
      watch: () => () => undefined,
    },
    tokens: memoryTokenStorage(tokenPair('a', { user: { ...user, role } })),
    resume: memoryResumeStorage(),
    pendingInput: memoryPendingInputStorage(),
  });
  beforeEach(() => window.history.replaceState(null, '', '/sidepanel.html'));

  test('Asystent (the cockpit) first, then Rozmowy and Pulpit from the navigation, each in the address', async () => {
    render(<App platform={signedIn()} />);
    const nav = await screen.findByRole('navigation', { name: 'Sekcje' });
    expect(within(nav).getByRole('link', { name: 'Asystent' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { name: 'Klient' })).toBeTruthy();

    await userEvent.click(within(nav).getByRole('link', { name: 'Rozmowy' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Rozmowy' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Klient' })).toBeNull();
    expect(window.location.hash).toBe('#/calls');
    await userEvent.click(within(nav).getByRole('link', { name: 'Pulpit' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Pulpit' })).toBeTruthy();
    expect(window.location.hash).toBe('#/dashboard');
  });

  test.each([
    ['#/dashboard', 'Pulpit'],
    ['#/calls', 'Rozmowy'],
  ])('opened at %s (a reload, a shared link): that section at once', async (hash, heading) => {
    window.history.replaceState(null, '', `/sidepanel.html${hash}`);
    render(<App platform={signedIn()} />);
    expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeTruthy();
    expect(screen.getByRole('link', { name: heading }).getAttribute('aria-current')).toBe('page');
  });

  test("opened at a call's address: that call's page, whose way back is the list", async () => {
    window.history.replaceState(null, '', '/sidepanel.html#/calls/0192f1d2-7a3b-7c4d-8e5f-0000000000c1');
    render(<App platform={signedIn()} />);
    const back = await screen.findByRole('link', { name: 'Wróć do listy rozmów' });
    expect(screen.getByRole('link', { name: 'Rozmowy' }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(back);
    expect(await screen.findByRole('heading', { level: 2, name: 'Rozmowy' })).toBeTruthy();
    expect(window.location.hash).toBe('#/calls');
  });

  test('an admin has Karty oceny in the navigation, at its own address', async () => {
    render(<App platform={signedIn('admin')} />);
    const nav = await screen.findByRole('navigation', { name: 'Sekcje' });
    await userEvent.click(within(nav).getByRole('link', { name: 'Karty oceny' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Karty oceny' })).toBeTruthy();
    expect(window.location.hash).toBe('#/scorecards');
  });

  test('anyone else never sees it: no link, and its address shows the assistant', async () => {
    window.history.replaceState(null, '', '/sidepanel.html#/scorecards');
    render(<App platform={signedIn('consultant')} />);
    const nav = await screen.findByRole('navigation', { name: 'Sekcje' });
    expect(within(nav).queryByRole('link', { name: 'Karty oceny' })).toBeNull();
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Asystent', 'Rozmowy', 'Pulpit']);
    expect(within(nav).getByRole('link', { name: 'Asystent' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { name: 'Klient' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Karty oceny' })).toBeNull();
  });
});
