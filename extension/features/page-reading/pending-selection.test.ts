import { describe, expect, test } from 'vitest';
import type { PendingSelection } from '../../lib/messages';
import { fakePageReadingBrowser } from './fake-page-reading-browser';
import { PENDING_SELECTION_KEY, browserPendingSelection } from './pending-selection';

const selection = (id: string): PendingSelection => ({ id, text: `text ${id}`, origin: 'shortcut', at: 1 });

describe('browserPendingSelection', () => {
  test('loads what is stored, ignoring what does not parse', async () => {
    const { api, session } = fakePageReadingBrowser();
    const source = browserPendingSelection(api);
    expect(await source.load()).toBeNull();
    session.data[PENDING_SELECTION_KEY] = { id: 'a', text: '' };
    expect(await source.load()).toBeNull();
    session.data[PENDING_SELECTION_KEY] = selection('a');
    expect(await source.load()).toEqual(selection('a'));
  });

  test('hears a new selection through storage and through the background’s message', async () => {
    const { api, session } = fakePageReadingBrowser();
    const heard: (PendingSelection | null)[] = [];
    const stop = browserPendingSelection(api).watch((s) => heard.push(s));
    await session.set({ [PENDING_SELECTION_KEY]: selection('a') });
    await api.runtime.sendMessage({ type: 'sufler/selection-pending', selection: selection('b') });
    await api.runtime.sendMessage({ type: 'something-else' });
    await session.remove(PENDING_SELECTION_KEY);
    stop();
    await session.set({ [PENDING_SELECTION_KEY]: selection('c') });
    expect(heard).toEqual([selection('a'), selection('b'), null]);
  });

  test('a claim succeeds once, and never for a selection that has been replaced', async () => {
    const { api, session } = fakePageReadingBrowser();
    const source = browserPendingSelection(api);
    session.data[PENDING_SELECTION_KEY] = selection('a');
    expect(await Promise.all([source.claim('a'), source.claim('a')])).toEqual([true, false]);
    session.data[PENDING_SELECTION_KEY] = selection('b');
    expect(await source.claim('a')).toBe(false);
    await source.clear('a');
    expect(session.data[PENDING_SELECTION_KEY]).toEqual(selection('b'));
  });
});
