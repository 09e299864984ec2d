import { beforeEach, describe, expect, test, vi } from 'vitest';

// WXT's browser wrapper picks up the global at import time, so the fake must be in place before any import.
const { fakeBrowser } = await vi.hoisted(async () => {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });
  return { fakeBrowser };
});

const { browserPendingInputStorage, defaultPendingInputStorage, memoryPendingInputStorage } = await import('./pending-input-storage');

const S1 = '0192f1d2-7a3b-7c4d-8e5f-000000000001';
const S2 = '0192f1d2-7a3b-7c4d-8e5f-000000000002';
const item = (n: number) => ({ requestId: `0192f1d2-7a3b-7c4d-8e5f-0000000000${String(n).padStart(2, '0')}`, kind: 'note' as const, text: `obserwacja ${n}`, queuedAt: '2026-01-01T10:00:00.000Z' });

describe.each([
  ['extension storage', browserPendingInputStorage],
  ['memory', memoryPendingInputStorage],
])('pending input in %s', (_name, make) => {
  beforeEach(() => fakeBrowser.reset());

  test('outbox and drafts round-trip per session; empty forgets', async () => {
    const storage = make();
    expect(await storage.loadOutbox(S1)).toEqual([]);
    expect(await storage.loadDraft(S1, 'note')).toBe('');
    await Promise.all([storage.saveOutbox(S1, [item(1), item(2)]), storage.saveOutbox(S2, [item(3)]), storage.saveDraft(S1, 'note', 'notatka'), storage.saveDraft(S1, 'chat', 'pytanie')]);
    expect(await storage.loadOutbox(S1)).toEqual([item(1), item(2)]);
    expect(await storage.loadOutbox(S2)).toEqual([item(3)]);
    expect(await storage.loadDraft(S1, 'note')).toBe('notatka');
    expect(await storage.loadDraft(S1, 'chat')).toBe('pytanie');
    await storage.saveOutbox(S1, []);
    await storage.saveDraft(S1, 'note', '');
    expect(await storage.loadOutbox(S1)).toEqual([]);
    expect(await storage.loadDraft(S1, 'note')).toBe('');
    expect(await storage.loadOutbox(S2)).toEqual([item(3)]);
  });
});

describe('pending input in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('lives under the `outbox` and `drafts` keys of storage.local, so a new panel finds it', async () => {
    await browserPendingInputStorage().saveOutbox(S1, [item(1)]);
    await browserPendingInputStorage().saveDraft(S1, 'note', 'tekst');
    expect(await fakeBrowser.storage.local.get(['outbox', 'drafts'])).toEqual({ outbox: { [S1]: [item(1)] }, drafts: { [`${S1}:note`]: 'tekst' } });
    expect(await browserPendingInputStorage().loadOutbox(S1)).toEqual([item(1)]);
  });

  test('entries edited by hand or from another version are dropped one by one, the good ones kept', async () => {
    await fakeBrowser.storage.local.set({ outbox: { [S1]: [item(1), { requestId: 'x', text: 5 }, 'junk', item(2)] }, drafts: 'not a record' });
    const storage = browserPendingInputStorage();
    expect(await storage.loadOutbox(S1)).toEqual([item(1), item(2)]);
    expect(await storage.loadDraft(S1, 'note')).toBe('');
  });

  test('quick writes one after another do not overwrite each other', async () => {
    const storage = browserPendingInputStorage();
    await Promise.all(['a', 'ab', 'abc'].map((text) => storage.saveDraft(S1, 'note', text)).concat(storage.saveDraft(S2, 'chat', 'q')));
    expect(await storage.loadDraft(S1, 'note')).toBe('abc');
    expect(await storage.loadDraft(S2, 'chat')).toBe('q');
  });

  test('the default is extension storage where the page has it', async () => {
    await defaultPendingInputStorage().saveDraft(S1, 'chat', 'zapisane');
    expect(await fakeBrowser.storage.local.get('drafts')).toEqual({ drafts: { [`${S1}:chat`]: 'zapisane' } });
  });
});
