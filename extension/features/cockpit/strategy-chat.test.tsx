// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { Cockpit } from './cockpit';
import { memoryResumeStorage } from './resume';
import { clientRow, fakeCockpitClient, ids, llm, rules, sessionRow, sessionWith, strategyResult } from './test-fixtures';
import { renderConversation, withQueries } from './test-render';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);


describe('full strategy', () => {
  test('opens on demand in the UI language; five tabs, arrow keys move between them', async () => {
    useLanguageStore.getState().setLanguage('en');
    const { client, calls } = fakeCockpitClient({ strategy: async () => strategyResult() });
    renderConversation(client);
    const person = userEvent.setup();
    const open = screen.getByRole('button', { name: 'Full strategy' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    expect(calls).toEqual([]);
    await person.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    expect(calls).toEqual([{ path: 'analysis.strategy', input: { sessionId: ids.session, language: 'en' } }]);

    const tablist = await screen.findByRole('tablist', { name: 'Strategy' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Summary and motivations',
      'Key phrases and way of speaking',
      'Script and next steps',
      'Handling objections',
      'Qualifying questions',
    ]);
    expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false', 'false']);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    const summary = screen.getByRole('tabpanel', { name: 'Summary and motivations' });
    expect(within(summary).getByText('Bezpieczeństwo dzieci')).toBeTruthy();
    expect(screen.queryByText('rules mode')).toBeNull();

    tabs[0]!.focus();
    await person.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByRole('tabpanel', { name: 'Key phrases and way of speaking' })).getByText('Spokojnie, konkretnie, bez presji.')).toBeTruthy();

    await person.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(tabs[4]);
    expect(within(screen.getByRole('tabpanel', { name: 'Qualifying questions' })).getByText('Ile osób zwykle jedzie autem?')).toBeTruthy();

    await person.keyboard('{Home}');
    expect(document.activeElement).toBe(tabs[0]);
    await person.keyboard('{End}{ArrowLeft}');
    expect(document.activeElement).toBe(tabs[3]);
    const objections = screen.getByRole('tabpanel', { name: 'Handling objections' });
    expect(within(objections).getByText('Za drogo')).toBeTruthy();
    expect(within(objections).getByText('Policzmy koszt na miesiąc.')).toBeTruthy();

    await person.click(tabs[2]!);
    const script = screen.getByRole('tabpanel', { name: 'Script and next steps' });
    expect(within(script).getByText('Pokaż system ISOFIX')).toBeTruthy();
    expect(within(script).getByText('Umów jazdę próbną z fotelikiem')).toBeTruthy();
    // Only the selected panel is shown.
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  test('a failure offers a retry; a rules-mode strategy says so', async () => {
    let fail = true;
    const { client, calls } = fakeCockpitClient({
      strategy: async () => {
        if (fail) throw new Error('down');
        return strategyResult({ producedBy: rules });
      },
    });
    renderConversation(client);
    const person = userEvent.setup();
    await person.click(screen.getByRole('button', { name: 'Pełna strategia' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Nie udało się przygotować strategii.')).toBeTruthy();
    fail = false;
    await person.click(within(alert).getByRole('button', { name: 'Spróbuj ponownie' }));
    const tablist = await screen.findByRole('tablist', { name: 'Strategia' });
    expect(within(tablist).getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Podsumowanie i motywacje',
      'Kluczowe zwroty i sposób mówienia',
      'Scenariusz i następne kroki',
      'Obsługa zastrzeżeń',
      'Pytania kwalifikujące',
    ]);
    expect(screen.getByText('tryb reguł')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls.filter((c) => c.path === 'analysis.strategy')).toHaveLength(2);
    expect(calls[0]!.input).toEqual({ sessionId: ids.session, language: 'pl' });
  });
});

describe('strategic chat', () => {
  test('earlier answers come from the session; Enter asks, the answer streams in order, then done', async () => {
    const { client, calls, chats } = fakeCockpitClient();
    renderConversation(client, sessionWith([], [{ id: 'c1', question: 'Jak zacząć?', answer: 'Od pytania o rodzinę.', producedBy: rules }]));
    const messages = screen.getByRole('list', { name: 'Wiadomości czatu' });
    expect(within(messages).getByText('Jak zacząć?')).toBeTruthy();
    expect(within(messages).getByText('Od pytania o rodzinę.')).toBeTruthy();
    expect(within(messages).getByText('Odpowiedź z reguł, bez modelu AI.')).toBeTruthy();

    const person = userEvent.setup();
    const input = screen.getByLabelText('Pytanie do doradcy') as HTMLTextAreaElement;
    await person.type(input, 'Co dalej?{Shift>}{Enter}{/Shift}Konkretnie');
    expect(input.value).toBe('Co dalej?\nKonkretnie');
    expect(calls).toEqual([]);
    await person.keyboard('{Enter}');
    expect(calls).toEqual([{ path: 'chat.send', input: { sessionId: ids.session, text: 'Co dalej?\nKonkretnie' } }]);
    expect(screen.getByRole('button', { name: 'Odpowiadanie…' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Doradca pisze…')).toBeTruthy();

    const [stream] = chats;
    act(() => stream!.emit({ type: 'delta', text: 'Zaproponuj ' }));
    expect(input.value).toBe('');
    act(() => stream!.emit({ type: 'delta', text: 'jazdę ' }));
    act(() => stream!.emit({ type: 'delta', text: 'próbną.' }));
    const items = within(messages).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[1]!).getByText('Zaproponuj jazdę próbną.')).toBeTruthy();

    act(() => stream!.emit({ type: 'done', interactionId: 'c2', text: 'Zaproponuj jazdę próbną z fotelikiem.', producedBy: llm }));
    expect(within(items[1]!).getByText('Zaproponuj jazdę próbną z fotelikiem.')).toBeTruthy();
    expect(within(items[1]!).queryByText('Odpowiedź z reguł, bez modelu AI.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Zapytaj' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a send that fails keeps the question in the box and can be retried; a broken answer says so', async () => {
    const { client, chats } = fakeCockpitClient();
    renderConversation(client);
    const person = userEvent.setup();
    const input = screen.getByLabelText('Pytanie do doradcy') as HTMLTextAreaElement;
    await person.type(input, 'Jak odpowiedzieć na cenę?{Enter}');
    act(() => chats[0]!.fail());
    expect(input.value).toBe('Jak odpowiedzieć na cenę?');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Nie udało się wysłać pytania. Tekst został w polu.');
    expect(screen.getByText('Zapytaj doradcę AI o strategię wobec tego klienta.')).toBeTruthy();

    await person.click(screen.getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(chats).toHaveLength(2);
    expect(chats[1]!.input).toEqual({ sessionId: ids.session, text: 'Jak odpowiedzieć na cenę?' });
    act(() => chats[1]!.emit({ type: 'delta', text: 'Pokaż ' }));
    act(() => chats[1]!.complete());
    expect(screen.getByRole('alert').textContent).toBe('Odpowiedź została przerwana. Zapytaj ponownie.');
    expect(screen.getByText('Pokaż')).toBeTruthy();
    expect(screen.getByText('Odpowiedź została przerwana.')).toBeTruthy();
  });
});

describe('resume after reload', () => {
  test('the stored session opens again without the picker', async () => {
    const resume = memoryResumeStorage({ clientId: ids.client, sessionId: ids.session });
    const { client, calls } = fakeCockpitClient({
      getClient: async () => clientRow('Jan Kowalski'),
      get: async () => sessionWith([{ id: ids.interaction, text: 'Pyta o fotelik dla dziecka' }]),
    });
    render(withQueries(<Cockpit client={client} resume={resume} />));
    expect(screen.getByRole('status').textContent).toBe('Wznawianie ostatniej rozmowy…');
    expect(await screen.findByRole('heading', { name: 'Rozmowa: Jan Kowalski' })).toBeTruthy();
    expect(screen.getByText('Pyta o fotelik dla dziecka')).toBeTruthy();
    // No picker and no new session: only the checks of the stored ids.
    expect(new Set(calls.map((c) => c.path))).toEqual(new Set(['clients.get', 'sessions.get']));

    await userEvent.setup().click(screen.getByRole('button', { name: 'Zmień klienta' }));
    expect(resume.point).toBeNull();
  });

  test('an ended session falls back to the picker and is forgotten; opening one stores it', async () => {
    const resume = memoryResumeStorage({ clientId: ids.client, sessionId: ids.session });
    const { client } = fakeCockpitClient({
      getClient: async () => clientRow('Jan Kowalski'),
      get: async (input) =>
        input.id === ids.session
          ? { ...sessionWith(), endedAt: '2026-01-01T12:00:00.000Z' }
          : { ...sessionWith(), id: input.id },
      list: async () => ({ items: [clientRow('Jan Kowalski')], total: 1 }),
      sessions: async () => [sessionRow({ id: ids.interaction })],
    });
    render(withQueries(<Cockpit client={client} resume={resume} />));
    const pick = await screen.findByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' });
    await waitFor(() => expect(resume.point).toBeNull());

    await userEvent.setup().click(pick);
    expect(await screen.findByRole('heading', { name: 'Rozmowa: Jan Kowalski' })).toBeTruthy();
    expect(resume.point).toEqual({ clientId: ids.client, sessionId: ids.interaction });
  });

  test('a session the API cannot find shows the picker', async () => {
    const resume = memoryResumeStorage({ clientId: ids.client, sessionId: ids.session });
    const { client } = fakeCockpitClient({
      getClient: async () => clientRow('Jan Kowalski'),
      get: async () => {
        throw new Error('NOT_FOUND');
      },
      list: async () => ({ items: [], total: 0 }),
    });
    render(withQueries(<Cockpit client={client} resume={resume} />));
    expect(await screen.findByLabelText('Imię i nazwisko nowego klienta')).toBeTruthy();
  });
});
