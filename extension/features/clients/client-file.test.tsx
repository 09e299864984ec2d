// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { ClientPicker } from '../cockpit/client-picker';
import { Cockpit } from '../cockpit/cockpit';
import type { Client, ClientFile } from '../cockpit/cockpit-client';
import { clientRow, fakeCockpitClient, ids, sessionRow, sessionWith } from '../cockpit/test-fixtures';
import { withQueries } from '../cockpit/test-render';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

/** A tiny in-memory clients table behind the fake client, so archive/unarchive change what the search returns. */
function clientsTable(people: Client[]) {
  const rows = new Map(people.map((p) => [p.id, p]));
  const setArchived = (archived: boolean) => async ({ id }: { id: string }) => {
    const row = { ...rows.get(id)!, archived };
    rows.set(id, row);
    return row;
  };
  return {
    rows,
    list: async (input: unknown) => {
      const archived = (input as { archived?: string }).archived ?? 'exclude';
      const items = [...rows.values()].filter((r) => archived === 'include' || r.archived === (archived === 'only'));
      return { items, total: items.length };
    },
    archive: setArchived(true),
    unarchive: setArchived(false),
  };
}

describe('archive', () => {
  test('asks first, archives, and undo brings the client back', async () => {
    const table = clientsTable([clientRow('Jan Kowalski'), clientRow('Anna Nowak', 'other')]);
    const { client, calls } = fakeCockpitClient(table);
    render(withQueries(<ClientPicker client={client} onPick={() => undefined} debounceMs={0} />));
    const person = userEvent.setup();

    await person.click(await screen.findByRole('button', { name: 'Archiwizuj: Jan Kowalski' }));
    const confirm = screen.getByRole('group', { name: /Zarchiwizować: Jan Kowalski\?/ });
    // Nothing happens until it is confirmed; the confirm button takes the focus.
    expect(calls.some((c) => c.path === 'clients.archive')).toBe(false);
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Tak, archiwizuj' }));
    await person.click(within(confirm).getByRole('button', { name: 'Anuluj' }));
    expect(screen.queryByRole('group')).toBeNull();

    await person.click(screen.getByRole('button', { name: 'Archiwizuj: Jan Kowalski' }));
    await person.click(screen.getByRole('button', { name: 'Tak, archiwizuj' }));
    const notice = await screen.findByText('Zarchiwizowano: Jan Kowalski.');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' })).toBeNull());
    const undo = screen.getByRole('button', { name: 'Cofnij' });
    expect(notice.closest('[role="status"]')).toBe(undo.closest('[role="status"]'));
    expect(document.activeElement).toBe(undo);

    await person.click(undo);
    expect(await screen.findByText('Przywrócono: Jan Kowalski.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' })).toBeTruthy();
    expect(calls.filter((c) => c.path.startsWith('clients.') && c.path !== 'clients.list')).toEqual([
      { path: 'clients.archive', input: { id: ids.client } },
      { path: 'clients.unarchive', input: { id: ids.client } },
    ]);
  });

  test('the "archived" filter lists archived clients, which can be restored but not opened', async () => {
    const table = clientsTable([clientRow('Jan Kowalski'), { ...clientRow('Ewa Stara', 'old'), archived: true }]);
    const { client } = fakeCockpitClient(table);
    render(withQueries(<ClientPicker client={client} onPick={() => undefined} debounceMs={0} />));
    const person = userEvent.setup();
    await screen.findByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' });
    expect(screen.queryByText('Ewa Stara')).toBeNull();

    await person.selectOptions(screen.getByLabelText('Pokaż'), 'zarchiwizowanych');
    const results = await screen.findByRole('list', { name: 'Wyniki wyszukiwania' });
    await waitFor(() => expect(within(results).queryByText('Jan Kowalski')).toBeNull());
    expect(within(results).getByText('Ewa Stara')).toBeTruthy();
    expect(within(results).getByText('zarchiwizowany')).toBeTruthy();
    expect(within(results).queryByRole('button', { name: 'Otwórz rozmowę z: Ewa Stara' })).toBeNull();

    await person.click(within(results).getByRole('button', { name: 'Przywróć: Ewa Stara' }));
    expect(await screen.findByText('Przywrócono: Ewa Stara.')).toBeTruthy();
    expect(await screen.findByText('Brak zarchiwizowanych klientów.')).toBeTruthy();
    expect(table.rows.get('old')!.archived).toBe(false);
  });

  test('a refused archive is reported and the client stays', async () => {
    const table = clientsTable([clientRow('Jan Kowalski')]);
    const { client } = fakeCockpitClient({ ...table, archive: () => Promise.reject(new Error('down')) });
    render(withQueries(<ClientPicker client={client} onPick={() => undefined} debounceMs={0} />));
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: 'Archiwizuj: Jan Kowalski' }));
    await person.click(screen.getByRole('button', { name: 'Tak, archiwizuj' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nie udało się zarchiwizować klienta.');
    expect(screen.getByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' })).toBeTruthy();
  });
});

describe('history', () => {
  const first = { id: 'first', startedAt: '2026-01-01T10:00:00.000Z', endedAt: '2026-01-01T11:00:00.000Z', observationCount: 3 };
  const current = { id: ids.session, startedAt: '2026-01-02T10:00:00.000Z', endedAt: null, observationCount: 1 };
  const file = (sessions: ClientFile['sessions']): ClientFile => ({
    client: clientRow('Jan Kowalski'),
    sessions,
    keyFacts: { budget: '120 tys. zł', family: 'dwoje dzieci' },
    summary: 'Szuka rodzinnego SUV-a.',
  });

  test('one click from the search: summary, key facts, sessions; "start" opens a conversation', async () => {
    const table = clientsTable([clientRow('Jan Kowalski')]);
    const { client, calls } = fakeCockpitClient({
      ...table,
      history: async () => file([first]),
      sessions: async () => [sessionRow({ id: 'first', endedAt: first.endedAt })],
      start: async () => sessionRow({ id: 'second', summary: 'Szuka rodzinnego SUV-a.', keyFacts: file([]).keyFacts }),
      get: async () => sessionWith(),
    });
    render(withQueries(<Cockpit client={client} />));
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: 'Historia: Jan Kowalski' }));

    const heading = await screen.findByRole('heading', { name: 'Historia klienta: Jan Kowalski' });
    expect(document.activeElement).toBe(heading);
    expect(await screen.findByText('Szuka rodzinnego SUV-a.')).toBeTruthy();
    expect(screen.getByText('Budżet').nextElementSibling!.textContent).toBe('120 tys. zł');
    expect(screen.getByText('Rodzina').nextElementSibling!.textContent).toBe('dwoje dzieci');
    const list = screen.getByRole('list', { name: 'Rozmowy (1)' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText(/zakończona .* · 3 obserwacje/)).toBeTruthy();

    // Every session is over: a new one starts, and the API carries the summary and the facts into it.
    await person.click(screen.getByRole('button', { name: 'Rozpocznij nową rozmowę' }));
    expect(await screen.findByRole('heading', { name: 'Rozmowa: Jan Kowalski' })).toBeTruthy();
    expect(calls.map((c) => c.path).filter((p) => p !== 'clients.list')).toEqual([
      'clients.history',
      'sessions.list',
      'sessions.start',
      'sessions.get',
    ]);
  });

  test('with an open session it offers to continue it; "back" returns to the search', async () => {
    const table = clientsTable([clientRow('Jan Kowalski')]);
    const { client } = fakeCockpitClient({ ...table, history: async () => file([current, first]) });
    render(withQueries(<ClientPicker client={client} onPick={() => undefined} debounceMs={0} />));
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: 'Historia: Jan Kowalski' }));
    expect(await screen.findByRole('button', { name: 'Kontynuuj rozmowę' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Rozmowy (2)' })).getByText(/otwarta · 1 obserwacja/)).toBeTruthy();
    await person.click(screen.getByRole('button', { name: 'Wróć do wyszukiwania' }));
    expect(await screen.findByRole('button', { name: 'Otwórz rozmowę z: Jan Kowalski' })).toBeTruthy();
  });

  test('empty, and a failed load with a retry', async () => {
    let fail = true;
    const { client } = fakeCockpitClient({
      ...clientsTable([clientRow('Jan Kowalski')]),
      history: async () => {
        if (fail) throw new Error('down');
        return { client: clientRow('Jan Kowalski'), sessions: [], keyFacts: {}, summary: null };
      },
    });
    render(withQueries(<ClientPicker client={client} onPick={() => undefined} debounceMs={0} />));
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: 'Historia: Jan Kowalski' }));
    const alert = await screen.findByRole('alert');
    fail = false;
    await person.click(within(alert).getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(await screen.findByText('Brak rozmów z tym klientem.')).toBeTruthy();
    expect(screen.getByText('Brak podsumowania. Powstanie po kilku obserwacjach.')).toBeTruthy();
    expect(screen.getByText('Brak zapisanych faktów.')).toBeTruthy();
  });

  test('in the session header it is a disclosure that marks the current session', async () => {
    useLanguageStore.getState().setLanguage('en');
    const { client } = fakeCockpitClient({
      list: async () => ({ items: [clientRow('Jan Kowalski')], total: 1 }),
      sessions: async () => [sessionRow()],
      history: async () => file([current, first]),
      get: async () => sessionWith(),
    });
    render(withQueries(<Cockpit client={client} />));
    const person = userEvent.setup();
    await person.click(await screen.findByRole('button', { name: 'Open the conversation with Jan Kowalski' }));
    const toggle = await screen.findByRole('button', { name: 'Client history' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await person.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(within(panel).getByRole('heading', { name: 'Client history: Jan Kowalski' })).toBeTruthy();
    const list = await within(panel).findByRole('list', { name: 'Conversations (2)' });
    expect(within(within(list).getAllByRole('listitem')[0]!).getByText('current')).toBeTruthy();
    // Already in the conversation: nothing to start from here.
    expect(within(panel).queryByRole('button', { name: 'Continue the conversation' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});
