import { describe, expect, test, vi } from 'vitest';
import { tokenPair } from '../lib/test-fixtures';
import { createWebPlatform, memoryKeyValueStore, WEB_KEYS, webStorageOr } from './web-platform';

// As in the web bundle (vite.config.ts): lib/settings.ts, whose schemas this uses, gets no extension storage.
vi.mock('wxt/utils/storage', () => import('./no-extension-storage'));

const ORIGIN = 'https://sufler.salon.example';
const CLIENT = '0b6f7c1e-8a4b-4c8e-9c61-3a2f0d9e1b55';
const SESSION = '5e0d2b9a-7f3c-4d1e-a6b8-2c9f1e4d7a30';

function setup(local: Record<string, string> = {}, session: Record<string, string> = {}) {
  const stores = { local: memoryKeyValueStore(local), session: memoryKeyValueStore(session) };
  return { ...stores, platform: createWebPlatform({ origin: ORIGIN, ...stores }) };
}

describe('web cockpit settings', () => {
  test('the API is always the page origin, whatever is stored', async () => {
    const { platform } = setup({ [WEB_KEYS.settings]: JSON.stringify({ apiUrl: 'https://elsewhere.example', language: 'en' }) });
    expect(platform.kind).toBe('web');
    expect(await platform.settings.load()).toEqual({ apiUrl: ORIGIN, language: 'en' });
  });

  test.each([
    ['nothing stored', undefined],
    ['not JSON', '{language:'],
    ['JSON but not an object', '"en"'],
    ['an unknown language', JSON.stringify({ language: 'de' })],
    ['a number for the language', JSON.stringify({ language: 7 })],
  ])('%s falls back to Polish', async (_name, raw) => {
    const { platform } = setup(raw === undefined ? {} : { [WEB_KEYS.settings]: raw });
    expect(await platform.settings.load()).toEqual({ apiUrl: ORIGIN, language: 'pl' });
  });

  test('saving stores only the language and tells watchers in this tab', async () => {
    const { platform, local } = setup();
    const seen = vi.fn();
    const unwatch = platform.settings.watch(seen);
    expect(await platform.settings.save({ apiUrl: 'https://ignored.example', language: 'en' })).toEqual({ apiUrl: ORIGIN, language: 'en' });
    expect(JSON.parse(local.entries.get(WEB_KEYS.settings)!)).toEqual({ language: 'en' });
    expect(seen).toHaveBeenCalledWith({ apiUrl: ORIGIN, language: 'en' });
    unwatch();
    await platform.settings.save({ apiUrl: ORIGIN, language: 'pl' });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  test('an invalid language is refused before anything is written', async () => {
    const { platform, local } = setup();
    await expect(platform.settings.save({ apiUrl: ORIGIN, language: 'de' as 'pl' })).rejects.toThrow();
    expect(local.entries.size).toBe(0);
  });

  test('another tab changing the language reaches the watcher through the storage event', async () => {
    const local = memoryKeyValueStore();
    const events = new EventTarget();
    const platform = createWebPlatform({ origin: ORIGIN, local, session: memoryKeyValueStore(), events: events as unknown as Window });
    const seen = vi.fn();
    const unwatch = platform.settings.watch(seen);
    local.setItem(WEB_KEYS.settings, JSON.stringify({ language: 'en' }));
    events.dispatchEvent(Object.assign(new Event('storage'), { key: 'something.else' }));
    expect(seen).not.toHaveBeenCalled();
    events.dispatchEvent(Object.assign(new Event('storage'), { key: WEB_KEYS.settings }));
    expect(seen).toHaveBeenCalledWith({ apiUrl: ORIGIN, language: 'en' });
    unwatch();
    events.dispatchEvent(Object.assign(new Event('storage'), { key: WEB_KEYS.settings }));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});

describe('web cockpit tokens (sessionStorage)', () => {
  const pair = tokenPair();

  test('a round trip, kept in the session store only, and null signs out', async () => {
    const { platform, local, session } = setup();
    expect(await platform.tokens.load()).toBeNull();
    await platform.tokens.save(pair);
    expect(session.entries.has(WEB_KEYS.auth)).toBe(true);
    expect(local.entries.size).toBe(0);
    expect(await platform.tokens.load()).toEqual(pair);
    await platform.tokens.save(null);
    expect(session.entries.has(WEB_KEYS.auth)).toBe(false);
    expect(await platform.tokens.load()).toBeNull();
  });

  test.each([
    ['not JSON', 'eyJhbGciOi'],
    ['a bare string', JSON.stringify('token')],
    ['a pair without its refresh token', JSON.stringify({ ...pair, refreshToken: undefined })],
  ])('%s reads as signed out', async (_name, raw) => {
    const { platform } = setup({}, { [WEB_KEYS.auth]: raw });
    expect(await platform.tokens.load()).toBeNull();
  });
});

describe('web cockpit resume point (localStorage)', () => {
  test('a round trip, and null forgets it', async () => {
    const { platform, local } = setup();
    await platform.resume.save({ clientId: CLIENT, sessionId: SESSION });
    expect(await platform.resume.load()).toEqual({ clientId: CLIENT, sessionId: SESSION });
    await platform.resume.save(null);
    expect(local.entries.has(WEB_KEYS.resume)).toBe(false);
    expect(await platform.resume.load()).toBeNull();
  });

  test.each([
    ['ids that are not ids', JSON.stringify({ clientId: 'x', sessionId: 'y' })],
    ['half a point', JSON.stringify({ clientId: CLIENT })],
    ['not JSON', '{'],
  ])('%s reads as nothing to resume', async (_name, raw) => {
    const { platform } = setup({ [WEB_KEYS.resume]: raw });
    expect(await platform.resume.load()).toBeNull();
  });

  test('an invalid point is refused before anything is written', async () => {
    const { platform, local } = setup();
    await expect(platform.resume.save({ clientId: 'x', sessionId: SESSION })).rejects.toThrow();
    expect(local.entries.size).toBe(0);
  });
});

describe('storage the browser refuses', () => {
  test('a store that throws on access is replaced by memory, and the cockpit still works', async () => {
    const store = webStorageOr(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const platform = createWebPlatform({ origin: ORIGIN, local: store, session: store });
    await platform.settings.save({ apiUrl: ORIGIN, language: 'en' });
    expect(await platform.settings.load()).toEqual({ apiUrl: ORIGIN, language: 'en' });
  });

  test('a full store does not break saving (the value just does not survive a reload)', async () => {
    const full = { ...memoryKeyValueStore(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const platform = createWebPlatform({ origin: ORIGIN, local: full, session: full });
    await expect(platform.resume.save({ clientId: CLIENT, sessionId: SESSION })).resolves.toBeUndefined();
    await expect(platform.tokens.save(tokenPair())).resolves.toBeUndefined();
  });
});

describe('web cockpit pending input (outbox and drafts)', () => {
  const REQUEST = '9d1c3f5a-2b4e-4f6a-8c7d-1e2f3a4b5c6d';
  const item = { requestId: REQUEST, kind: 'note' as const, text: 'Ma dom z fotowoltaiką.', queuedAt: '2026-12-01T19:00:00.000Z' };

  test('lives in localStorage under its own keys, so a reloaded page (a new platform) finds it', async () => {
    const { platform, local, session } = setup();
    await platform.pendingInput.saveOutbox(SESSION, [item]);
    await platform.pendingInput.saveDraft(SESSION, 'note', 'pół zdania');
    await platform.pendingInput.saveDraft(SESSION, 'chat', 'a pytanie?');
    expect(JSON.parse(local.entries.get(WEB_KEYS.outbox)!)).toEqual({ [SESSION]: [item] });
    expect(session.entries.size).toBe(0);

    const reloaded = createWebPlatform({ origin: ORIGIN, local, session: memoryKeyValueStore() });
    expect(await reloaded.pendingInput.loadOutbox(SESSION)).toEqual([item]);
    expect(await reloaded.pendingInput.loadDraft(SESSION, 'note')).toBe('pół zdania');
    expect(await reloaded.pendingInput.loadDraft(SESSION, 'chat')).toBe('a pytanie?');

    await reloaded.pendingInput.saveOutbox(SESSION, []);
    await reloaded.pendingInput.saveDraft(SESSION, 'note', '');
    expect(JSON.parse(local.entries.get(WEB_KEYS.outbox)!)).toEqual({});
    expect(await reloaded.pendingInput.loadDraft(SESSION, 'note')).toBe('');
    expect(await reloaded.pendingInput.loadDraft(SESSION, 'chat')).toBe('a pytanie?');
  });

  test('bad stored items are dropped one by one, the good ones kept', async () => {
    const { platform } = setup({
      [WEB_KEYS.outbox]: JSON.stringify({ [SESSION]: [item, { ...item, requestId: 'not-an-id' }, { ...item, kind: 'shout' }, 'text', { ...item, text: '' }] }),
      [WEB_KEYS.drafts]: JSON.stringify({ [`${SESSION}:note`]: 'zostaje' }),
    });
    expect(await platform.pendingInput.loadOutbox(SESSION)).toEqual([item]);
    expect(await platform.pendingInput.loadDraft(SESSION, 'note')).toBe('zostaje');
  });

  test.each([
    ['not JSON', '{', '{'],
    ['JSON of the wrong shape', JSON.stringify([1, 2]), JSON.stringify({ [`${SESSION}:note`]: 7 })],
    ['an outbox that is not a list', JSON.stringify({ [SESSION]: item }), JSON.stringify('text')],
  ])('%s reads as nothing queued and no draft', async (_name, outbox, drafts) => {
    const { platform } = setup({ [WEB_KEYS.outbox]: outbox, [WEB_KEYS.drafts]: drafts });
    expect(await platform.pendingInput.loadOutbox(SESSION)).toEqual([]);
    expect(await platform.pendingInput.loadDraft(SESSION, 'note')).toBe('');
  });

  test('an invalid item is refused before anything is written', async () => {
    const { platform, local } = setup();
    await expect(platform.pendingInput.saveOutbox(SESSION, [{ ...item, requestId: 'x' }])).rejects.toThrow();
    expect(local.entries.has(WEB_KEYS.outbox)).toBe(false);
  });

  test('a full store (quota) does not break saving, nor the saves after it', async () => {
    let full = true;
    const store = memoryKeyValueStore();
    const local = {
      ...store,
      setItem: (key: string, value: string) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        store.setItem(key, value);
      },
    };
    const platform = createWebPlatform({ origin: ORIGIN, local, session: memoryKeyValueStore() });
    await expect(platform.pendingInput.saveOutbox(SESSION, [item])).resolves.toBeUndefined();
    await expect(platform.pendingInput.saveDraft(SESSION, 'note', 'pół zdania')).resolves.toBeUndefined();
    expect(await platform.pendingInput.loadOutbox(SESSION)).toEqual([]);
    full = false;
    await platform.pendingInput.saveOutbox(SESSION, [item]);
    expect(await platform.pendingInput.loadOutbox(SESSION)).toEqual([item]);
  });

  test('storage the browser refuses altogether: kept in memory for the page', async () => {
    const store = webStorageOr(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const platform = createWebPlatform({ origin: ORIGIN, local: store, session: store });
    await platform.pendingInput.saveOutbox(SESSION, [item]);
    expect(await platform.pendingInput.loadOutbox(SESSION)).toEqual([item]);
  });
});
