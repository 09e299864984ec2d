import { describe, expect, test } from 'vitest';
import { ANALYZE_SELECTION_MENU_ID, createAnalyzeSelection } from './analyze-selection';
import { fakePageReadingBrowser, type FakeBrowserOptions } from './fake-page-reading-browser';
import { NOW, pageText } from './fake-page-reading-port';
import { PENDING_SELECTION_KEY } from './pending-selection';
import { PAGE_READER_FILE } from './request-page-text';

const tab = { id: 7, windowId: 1, title: 'Jan Kowalski · CRM' };

function setup(options: FakeBrowserOptions = {}) {
  const fake = fakePageReadingBrowser(options);
  const analyze = createAnalyzeSelection({ api: fake.api, now: () => NOW, newId: () => 'sel-1' });
  return { ...fake, analyze };
}

describe('analyzeSelection', () => {
  test('context menu: opens the side panel first, stores the selection and tells the panel', async () => {
    const { analyze, calls, session, api } = setup();
    const received: unknown[] = [];
    api.runtime.onMessage!.addListener((message) => received.push(message));

    const result = await analyze({ menuItemId: ANALYZE_SELECTION_MENU_ID, selectionText: '  Pyta o leasing  ' }, tab);

    const selection = { id: 'sel-1', text: 'Pyta o leasing', origin: 'context-menu', pageTitle: 'Jan Kowalski · CRM', at: NOW };
    expect(result).toEqual({ status: 'pending', selection, panelOpened: true });
    expect(calls[0]).toEqual({ api: 'sidePanel.open', args: [{ tabId: 7 }] });
    expect(session.data[PENDING_SELECTION_KEY]).toEqual(selection);
    expect(received).toEqual([{ type: 'sufler/selection-pending', selection }]);
    // The menu gave the text: the page is not touched.
    expect(calls.some((call) => call.api === 'scripting.executeScript')).toBe(false);
  });

  test('shortcut: reads the selection from the tab through the page reader', async () => {
    const { analyze, calls, session } = setup({ reply: () => pageText('Ma trójkę dzieci', { source: 'selection', matched: 0 }) });
    const result = await analyze({}, tab);
    expect(result.status).toBe('pending');
    expect(calls.find((call) => call.api === 'scripting.executeScript')?.args).toEqual([{ target: { tabId: 7 }, files: [PAGE_READER_FILE] }]);
    expect(calls.find((call) => call.api === 'tabs.sendMessage')?.args).toEqual([7, { type: 'sufler/read-page', want: 'selection', rules: [] }]);
    expect(session.data[PENDING_SELECTION_KEY]).toMatchObject({ text: 'Ma trójkę dzieci', origin: 'shortcut' });
  });

  test('without a user gesture the panel stays shut but the selection still waits for it', async () => {
    const { analyze, session } = setup({ panelOpens: false });
    const result = await analyze({ menuItemId: ANALYZE_SELECTION_MENU_ID, selectionText: 'x' }, tab);
    expect(result).toMatchObject({ status: 'pending', panelOpened: false });
    expect(session.data[PENDING_SELECTION_KEY]).toMatchObject({ text: 'x' });
  });

  test('Firefox: opens the sidebar', async () => {
    const { analyze, calls } = setup({ flavour: 'firefox' });
    await analyze({ menuItemId: ANALYZE_SELECTION_MENU_ID, selectionText: 'x' }, tab);
    expect(calls[0]).toEqual({ api: 'sidebarAction.open', args: [] });
  });

  test.each([
    ['nothing is selected', { reply: () => pageText('') }],
    ['the page cannot be scripted', { injectError: new Error('Cannot access a chrome:// URL') }],
    ['the page reader gives a malformed answer', { reply: () => ({ text: 'x' }) }],
  ])('%s: nothing is stored', async (_name, options) => {
    const { analyze, session } = setup(options);
    expect(await analyze({}, tab)).toEqual({ status: 'empty', panelOpened: true });
    expect(session.data).toEqual({});
  });

  test('a selection longer than one observation is cut to fit', async () => {
    const { analyze, session } = setup();
    await analyze({ menuItemId: ANALYZE_SELECTION_MENU_ID, selectionText: 'a'.repeat(25_000) }, tab);
    expect((session.data[PENDING_SELECTION_KEY] as { text: string }).text).toHaveLength(20_000);
  });
});
