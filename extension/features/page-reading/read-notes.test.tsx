// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { fakeObservationSink, fakePageReadingPort, pageText } from './fake-page-reading-port';
import { ReadNotes } from './read-notes';
import { PageReadError } from './request-page-text';

beforeEach(() => useLanguageStore.getState().setLanguage('en'));
afterEach(cleanup);

function setup(read: Parameters<typeof fakePageReadingPort>[0]) {
  const fake = fakePageReadingPort(read);
  const sink = fakeObservationSink();
  render(<ReadNotes store={sink.store} port={fake.port} />);
  return { fake, ...sink, person: userEvent.setup() };
}

describe('ReadNotes', () => {
  test('shows what was read for confirmation; the edited text is sent as a note', async () => {
    const { person, sent } = setup(async () => pageText('Wants a hybrid\n\nBudget 150k', { matched: 2 }));
    await person.click(screen.getByRole('button', { name: 'Read notes from this page' }));

    const box = screen.getByLabelText('Text from the page: notes found by selectors (2). Check it before sending.');
    expect((box as HTMLTextAreaElement).value).toBe('Wants a hybrid\n\nBudget 150k');
    expect(document.activeElement).toBe(box);
    expect(sent).toEqual([]);

    await person.type(box, '\nDecides in May');
    await person.click(screen.getByRole('button', { name: 'Send for analysis' }));
    expect(sent).toEqual([{ kind: 'note', text: 'Wants a hybrid\n\nBudget 150k\nDecides in May' }]);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  test('a page selection goes in as a selection observation', async () => {
    const { person, sent } = setup(async () => pageText('Ma dwoje dzieci', { source: 'selection', matched: 0 }));
    await person.click(screen.getByRole('button', { name: 'Read notes from this page' }));
    expect(screen.getByLabelText('Text from the page: the selection. Check it before sending.')).toBeTruthy();
    await person.click(screen.getByRole('button', { name: 'Send for analysis' }));
    expect(sent).toEqual([{ kind: 'selection', text: 'Ma dwoje dzieci' }]);
  });

  test('Cancel (or Escape) sends nothing and gives focus back to the button', async () => {
    const { person, sent } = setup(async () => pageText('note', { source: 'editor', matched: 0 }));
    const button = screen.getByRole('button', { name: 'Read notes from this page' });
    await person.click(button);
    await person.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('textbox')).toBeNull();

    await person.click(button);
    await person.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(document.activeElement).toBe(button);
    expect(sent).toEqual([]);
  });

  test('Send waits while another analysis is running, and an emptied box cannot be sent', async () => {
    const { person, sent, setSending } = setup(async () => pageText('note'));
    await person.click(screen.getByRole('button', { name: 'Read notes from this page' }));
    act(() => setSending(true));
    const send = screen.getByRole('button', { name: 'Send for analysis' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    expect(screen.getByText('Wait for the current analysis to finish.')).toBeTruthy();
    act(() => setSending(false));
    expect(send.disabled).toBe(false);
    await person.clear(screen.getByRole('textbox'));
    expect(send.disabled).toBe(true);
    expect(sent).toEqual([]);
  });

  test('nothing on the page: says what to do and offers the options', async () => {
    const { person, fake } = setup(async () => pageText(''));
    await person.click(screen.getByRole('button', { name: 'Read notes from this page' }));
    expect(screen.getByRole('status').textContent).toContain('Nothing found.');
    await person.click(screen.getByRole('button', { name: 'Open the options' }));
    expect(fake.optionsOpened).toBe(1);
  });

  test.each([
    ['no-access', 'Sufler may not read this page. Click the Sufler toolbar icon on this page (or add the site in the options), then try again.'],
    ['restricted', 'The browser does not let extensions read this page.'],
    ['no-tab', 'There is no active tab to read.'],
    ['no-reply', 'The page did not answer. Reload it and try again.'],
  ] as const)('a %s failure is explained', async (code, message) => {
    const { person } = setup(async () => {
      throw new PageReadError(code);
    });
    await person.click(screen.getByRole('button', { name: 'Read notes from this page' }));
    expect(screen.getByRole('alert').textContent).toBe(message);
  });

  test('while reading the button says so and cannot be pressed again', async () => {
    let finish!: () => void;
    const { person } = setup(() => new Promise((resolve) => (finish = () => resolve(pageText('note')))));
    await person.click(screen.getByRole('button', { name: 'Read notes from this page' }));
    const busy = screen.getByRole('button', { name: 'Reading the page…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    await act(async () => finish());
    expect(screen.getByRole('textbox')).toBeTruthy();
  });

  test('Polish labels', async () => {
    useLanguageStore.getState().setLanguage('pl');
    const { person } = setup(async () => pageText('notatka', { source: 'editor', matched: 0 }));
    await person.click(screen.getByRole('button', { name: 'Czytaj notatki z tej strony' }));
    expect(screen.getByLabelText('Tekst ze strony: aktywny edytor. Sprawdź go przed wysłaniem.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wyślij do analizy' })).toBeTruthy();
  });
});
