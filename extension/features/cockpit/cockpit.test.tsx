// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { ClientPicker } from './client-picker';
import { Cockpit } from './cockpit';
import { Conversation } from './conversation';
import {
  analysis,
  clientRow,
  fakeCockpitClient,
  ids,
  sessionRow,
  sessionWith,
  streamEvents,
  suggestion,
  llm,
} from './test-fixtures';
import { renderConversation, withQueries } from './test-render';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);


describe('client file', () => {
  test('searches as you type, once the typing pauses, and shows the matches', async () => {
    const people = [clientRow('Jan Kowalski'), clientRow('Anna Kowalczyk', 'other')];
    const { client, calls } = fakeCockpitClient({
      list: async (input) => {
        const search = (input as { search?: string }).search?.toLowerCase() ?? '';
        const items = people.filter((p) => p.name.toLowerCase().includes(search));
        return { items, total: items.length };
      },
    });
    render(withQueries(<ClientPicker client={client} onPick={() => undefined} debounceMs={30} />));
    await screen.findByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' });

    await userEvent.setup().type(screen.getByLabelText('Szukaj klienta'), 'kowalc');
    await screen.findByText('Anna Kowalczyk');
    await waitFor(() => expect(screen.queryByText('Jan Kowalski')).toBeNull());
    // One call for the empty list and one for the finished word, not one per keystroke.
    const searches = calls.filter((c) => c.path === 'clients.list').map((c) => (c.input as { search?: string }).search);
    expect(searches).toEqual([undefined, 'kowalc']);
  });

  test('no match says so; a failed search offers a retry', async () => {
    let fail = true;
    const { client } = fakeCockpitClient({
      list: async () => {
        if (fail) throw new Error('down');
        return { items: [], total: 0 };
      },
    });
    render(withQueries(<ClientPicker client={client} onPick={() => undefined} debounceMs={0} />));
    const alert = await screen.findByRole('alert');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(await screen.findByText('Nie masz jeszcze klientów. Dodaj pierwszego poniżej.')).toBeTruthy();
  });

  test('adding a client starts its session and opens the conversation', async () => {
    const { client, calls } = fakeCockpitClient({
      list: async () => ({ items: [], total: 0 }),
      create: async ({ name }) => clientRow(name),
      sessions: async () => [sessionRow({ id: 'old', endedAt: '2026-01-01T12:00:00.000Z' })],
      start: async () => sessionRow(),
      get: async () => sessionWith(),
    });
    render(withQueries(<Cockpit client={client} />));
    const person = userEvent.setup();
    await person.type(screen.getByLabelText('Imię i nazwisko nowego klienta'), 'Ewa Nowak');
    await person.click(screen.getByRole('button', { name: 'Dodaj klienta' }));

    expect(await screen.findByRole('heading', { name: 'Rozmowa: Ewa Nowak' })).toBeTruthy();
    expect(calls.map((c) => c.path).filter((p) => p !== 'clients.list')).toEqual([
      'clients.create',
      'sessions.list',
      'sessions.start',
      'sessions.get',
    ]);
    expect(screen.getByText('Brak obserwacji. Opisz, co mówi klient.')).toBeTruthy();
  });

  test('picking a client resumes its open session with the timeline and the last analysis', async () => {
    const { client, calls } = fakeCockpitClient({
      list: async () => ({ items: [clientRow('Jan Kowalski')], total: 1 }),
      sessions: async () => [sessionRow()],
      get: async () => sessionWith([{ id: ids.interaction, text: 'Pyta o fotelik dla dziecka', analysis: analysis() }]),
    });
    render(withQueries(<Cockpit client={client} />));
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' }));

    expect(await screen.findByText('Pyta o fotelik dla dziecka')).toBeTruthy();
    expect(calls.some((c) => c.path === 'sessions.start')).toBe(false);
    expect(screen.getByText('Strażnik Rodziny', { selector: '.leader strong' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').filter((li) => li.className === 'card')).toHaveLength(4);
  });
});

describe('conversation', () => {
  test('Ctrl+Enter sends a note; the stages, the analysis and the moves stream in', async () => {
    const { client, calls, streams } = fakeCockpitClient();
    renderConversation(client);
    const person = userEvent.setup();
    const input = screen.getByLabelText('Obserwacja');
    await person.type(input, 'Klient ma dwoje dzieci{Control>}{Enter}{/Control}');

    expect(calls).toEqual([{ path: 'analysis.observe', input: { sessionId: ids.session, kind: 'note', text: 'Klient ma dwoje dzieci', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }]);
    expect(screen.getByRole('button', { name: 'Analizowanie…' })).toHaveProperty('disabled', true);
    const events = streamEvents();
    const [stream] = streams;
    act(() => stream!.emit(events[0]!));
    // Accepted: the text moves from the box to the timeline.
    expect((input as HTMLTextAreaElement).value).toBe('');
    expect(within(screen.getByRole('region', { name: 'Przebieg rozmowy' })).getByText('Klient ma dwoje dzieci')).toBeTruthy();
    const progress = screen.getByRole('list', { name: 'Postęp analizy' });
    expect(within(progress).getByText('Zapisano: gotowe')).toBeTruthy();
    expect(within(progress).getByText('Wskaźniki: w toku')).toBeTruthy();

    act(() => events.slice(1, 5).forEach((e) => stream!.emit(e)));
    expect(within(progress).getByText('Wskaźniki: gotowe')).toBeTruthy();
    expect(within(progress).getByText('Sugestie (1/4): w toku')).toBeTruthy();
    expect(screen.getByText('Strażnik Rodziny', { selector: '.leader strong' })).toBeTruthy();
    expect(screen.getByText('prawdopodobieństwo 60%')).toBeTruthy();
    expect(screen.getByText('tryb reguł')).toBeTruthy();
    expect(screen.getByText('Suggestion 1')).toBeTruthy();
    expect(screen.getAllByText('Czekam na sugestię…')).toHaveLength(3);
    for (const label of ['Gotowość do zakupu', 'Ryzyko „jazdy dla frajdy”', 'Ryzyko utraty klienta', 'Potencjał'])
      expect(screen.getByRole('meter', { name: label }).getAttribute('aria-valuenow')).toBe('50');

    act(() => events.slice(5).forEach((e) => stream!.emit(e)));
    expect(screen.queryByRole('list', { name: 'Postęp analizy' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Generuj inne sugestie' })).toBeTruthy();
  });

  test('a send that fails keeps the text in the box, and the retry sends it', async () => {
    const { client, streams, calls } = fakeCockpitClient();
    renderConversation(client);
    const person = userEvent.setup();
    const input = screen.getByLabelText('Obserwacja') as HTMLTextAreaElement;
    await person.type(input, 'Za drogo');
    await person.click(screen.getByRole('button', { name: 'Wyślij' }));
    act(() => streams[0]!.fail());

    expect(input.value).toBe('Za drogo');
    expect(screen.getByRole('alert').textContent).toBe('Nie udało się wysłać obserwacji. Tekst został w polu.');
    expect(input.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    await person.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(calls.filter((c) => c.path === 'analysis.observe')).toHaveLength(2);
    act(() => streams[1]!.emit(streamEvents()[0]!));
    expect(input.value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a stream that breaks after the text was stored says so and offers a reload', async () => {
    const { client, streams } = fakeCockpitClient();
    let reloads = 0;
    render(withQueries(<Conversation client={client} session={sessionWith()} onReload={() => reloads++} />));
    const person = userEvent.setup();
    await person.type(screen.getByLabelText('Obserwacja'), 'Wróci jutro{Control>}{Enter}{/Control}');
    act(() => {
      streams[0]!.emit(streamEvents()[0]!);
      streams[0]!.complete();
    });
    expect(screen.getByRole('alert').textContent).toBe('Obserwacja zapisana, ale analiza została przerwana.');
    await person.click(screen.getByRole('button', { name: 'Wczytaj sesję ponownie' }));
    expect(reloads).toBe(1);
  });
});

describe('next moves', () => {
  const analysed = () => sessionWith([{ id: ids.interaction, text: 'Pyta o zasięg', analysis: analysis() }]);

  test.each([
    ['pl', 'Przydatne', 'Nieprzydatne'],
    ['en', 'Useful', 'Not useful'],
  ] as const)('thumbs up and down have short names, the suggestion as description, and are pressed (%s)', async (language, upName, downName) => {
    // Every card has the same two names; the description (the suggestion's text) tells them apart.
    const up = { name: upName, description: 'Suggestion 2' };
    const down = { name: downName, description: 'Suggestion 2' };
    useLanguageStore.getState().setLanguage(language);
    const { client, calls } = fakeCockpitClient({ rate: async () => ({ ok: true }) });
    renderConversation(client, analysed());
    const person = userEvent.setup();
    const upButton = screen.getByRole('button', up);
    expect(upButton.getAttribute('aria-pressed')).toBe('false');
    await person.click(upButton);
    expect(upButton.getAttribute('aria-pressed')).toBe('true');
    await person.click(screen.getByRole('button', down));
    expect(upButton.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', down).getAttribute('aria-pressed')).toBe('true');
    expect(calls).toEqual([
      { path: 'feedback.rate', input: { interactionId: ids.interaction, suggestionId: 's2', rating: 1 } },
      { path: 'feedback.rate', input: { interactionId: ids.interaction, suggestionId: 's2', rating: -1 } },
    ]);
  });

  test('a rating the API refuses is taken back and reported', async () => {
    const { client } = fakeCockpitClient({ rate: () => Promise.reject(new Error('nope')) });
    renderConversation(client, analysed());
    const upButton = screen.getByRole('button', { name: 'Przydatne', description: 'Suggestion 1' });
    await userEvent.setup().click(upButton);
    expect((await screen.findByRole('alert')).textContent).toBe('Nie udało się zapisać oceny.');
    expect(upButton.getAttribute('aria-pressed')).toBe('false');
  });

  test('"Generate other suggestions" replaces all four; a failure leaves them and can be retried', async () => {
    let fail = true;
    const fresh = [5, 6, 7, 8].map((n) => suggestion(n, { kind: 'close' }));
    const { client, calls } = fakeCockpitClient({
      rate: async () => ({ ok: true }),
      regenerate: async ({ interactionId }) => {
        if (fail) throw new Error('busy');
        return { interactionId, suggestions: fresh, producedBy: llm };
      },
    });
    renderConversation(client, analysed());
    const person = userEvent.setup();
    await person.click(screen.getByRole('button', { name: 'Przydatne', description: 'Suggestion 1' }));
    await person.click(screen.getByRole('button', { name: 'Generuj inne sugestie' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nie udało się wygenerować nowych sugestii.');
    expect(screen.getByText('Suggestion 1')).toBeTruthy();

    fail = false;
    await person.click(screen.getByRole('button', { name: 'Generuj inne sugestie' }));
    expect(await screen.findByText('Suggestion 5')).toBeTruthy();
    expect(screen.queryByText('Suggestion 1')).toBeNull();
    expect(screen.getAllByText('Domknięcie')).toHaveLength(4);
    expect(screen.queryByRole('alert')).toBeNull();
    // The analysis came from rules but the new moves from a model: the badge still tells the analysis is rules-made.
    expect(screen.getByText('tryb reguł')).toBeTruthy();
    expect(calls.filter((c) => c.path === 'analysis.regenerate')).toEqual([
      { path: 'analysis.regenerate', input: { interactionId: ids.interaction } },
      { path: 'analysis.regenerate', input: { interactionId: ids.interaction } },
    ]);
  });

  test('before any analysis: empty states, no regenerate', () => {
    renderConversation(fakeCockpitClient().client);
    expect(screen.getByText('Analiza pojawi się po pierwszej obserwacji.')).toBeTruthy();
    expect(screen.getByText('Sugestie pojawią się po analizie obserwacji.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generuj inne sugestie' })).toBeNull();
  });
});
