import { beforeEach, describe, expect, test, vi } from 'vitest';
import { tokenPair } from './test-fixtures';

// WXT's browser wrapper picks up the global at import time, so the fake must be in place before any import.
const { fakeBrowser } = await vi.hoisted(async () => {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });
  return { fakeBrowser };
});

const { DEFAULT_SETTINGS, browserResumeStorage, browserTokenStorage, loadSettings, parseSettings, saveSettings } = await import('./settings');

const pair = tokenPair();

describe('parseSettings', () => {
  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['not an object', 'http://x', DEFAULT_SETTINGS],
    ['unknown language', { apiUrl: 'https://api.example.com', language: 'de' }, { apiUrl: 'https://api.example.com', language: 'pl' }],
    ['javascript: URL', { apiUrl: 'javascript:alert(1)', language: 'en' }, { apiUrl: DEFAULT_SETTINGS.apiUrl, language: 'en' }],
    ['not a URL', { apiUrl: 'localhost', language: 'en' }, { apiUrl: DEFAULT_SETTINGS.apiUrl, language: 'en' }],
    ['number as URL', { apiUrl: 8787, language: 'en' }, { apiUrl: DEFAULT_SETTINGS.apiUrl, language: 'en' }],
    ['valid, trailing slash trimmed', { apiUrl: ' http://10.0.0.5:8787/ ', language: 'en' }, { apiUrl: 'http://10.0.0.5:8787', language: 'en' }],
  ])('%s', (_name, raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });
});

describe('settings in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('defaults when empty, and a round trip through save', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ apiUrl: 'https://sufler.example.com/', language: 'en' });
    expect(await loadSettings()).toEqual({ apiUrl: 'https://sufler.example.com', language: 'en' });
  });

  test('a value edited by hand falls back field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { apiUrl: 'ftp://x', language: 'en', extra: true } });
    expect(await loadSettings()).toEqual({ apiUrl: DEFAULT_SETTINGS.apiUrl, language: 'en' });
  });

  test('saving an invalid address is refused', async () => {
    await expect(saveSettings({ apiUrl: 'nope', language: 'pl' })).rejects.toThrow();
  });

  test('tokens live in the session area when there is one, else in local', async () => {
    await browserTokenStorage(() => true).save(pair);
    expect(await fakeBrowser.storage.session.get('auth')).toEqual({ auth: pair });
    expect(await browserTokenStorage(() => false).load()).toBeNull();
    await browserTokenStorage(() => false).save(pair);
    expect(await browserTokenStorage(() => false).load()).toEqual(pair);
  });

  test('a malformed stored token pair reads as logged out', async () => {
    await fakeBrowser.storage.session.set({ auth: { accessToken: 1 } });
    expect(await browserTokenStorage(() => true).load()).toBeNull();
  });
});

describe('resume point in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());
  const point = { clientId: '0192f1d2-7a3b-7c4d-8e5f-000000000001', sessionId: '0192f1d2-7a3b-7c4d-8e5f-000000000002' };

  test('round trip, then forgotten', async () => {
    expect(await browserResumeStorage.load()).toBeNull();
    await browserResumeStorage.save(point);
    expect(await fakeBrowser.storage.local.get('resume')).toEqual({ resume: point });
    expect(await browserResumeStorage.load()).toEqual(point);
    await browserResumeStorage.save(null);
    expect(await browserResumeStorage.load()).toBeNull();
  });

  test('a value edited by hand reads as nothing to resume', async () => {
    await fakeBrowser.storage.local.set({ resume: { clientId: 'x', sessionId: point.sessionId } });
    expect(await browserResumeStorage.load()).toBeNull();
  });
});
