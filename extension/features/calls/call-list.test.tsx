// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CallSummary } from '@sufler/shared';
import { useLanguageStore } from '../../lib/i18n';
import { withQueries } from '../cockpit/test-render';
import { CallsScreen, type CallsUser } from './calls-screen';
import {
  allStages,
  callDetail,
  callIds,
  callSummary,
  consultant,
  emptyDashboard,
  fakeCallsClient,
  fakeCallsHttp,
  manager,
  scorecards,
  setViewportWidth,
  users,
} from './test-fixtures';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('pl');
  // A phone or a side panel: the list as cards (the table has its own test below).
  setViewportWidth(400);
});
afterEach(cleanup);

/** The screen with its route in state, as the app keeps it in the address. */
function Routed(props: Omit<Parameters<typeof CallsScreen>[0], 'callId' | 'onOpen' | 'onClose'>) {
  const [callId, setCallId] = useState<string | null>(null);
  return <CallsScreen {...props} callId={callId} onOpen={setCallId} onClose={() => setCallId(null)} />;
}

const id = (n: number) => `0192f1d2-7a3b-7c4d-8e5f-${String(n).padStart(12, '0')}`;

function renderScreen(rows: (input: { offset?: number; q?: string }) => { items: CallSummary[]; total: number }, user: CallsUser = consultant) {
  const fake = fakeCallsClient({
    'calls.list': async (input) => rows(input),
    'calls.get': async () => callDetail(),
    'calls.dashboard': async () => emptyDashboard,
    'scorecards.list': async () => scorecards,
    'users.list': async () => users,
    'clients.list': async () => ({ items: [], total: 0 }),
  });
  const { http } = fakeCallsHttp();
  render(withQueries(<Routed client={fake.client} http={http} user={user} />));
  return fake;
}

describe('calls list', () => {
  test('each call with its date, consultant, duration, scorecard, score, sentiment and status', async () => {
    renderScreen(() => ({ items: [callSummary({ client: { id: callIds.other, name: 'Anna Nowak' } })], total: 1 }));
    const row = (await screen.findByRole('link', { name: 'Otwórz rozmowę: Rozmowa o leasingu' })).closest('li')!;
    const facts = Object.fromEntries([...row.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]));
    expect(facts).toMatchObject({
      'Konsultant': 'jan@salon.pl',
      'Czas trwania': '01:00',
      'Karta oceny': 'SALES',
      'Wynik': '75/100',
      'Nastawienie klienta': '+0,30 (pozytywne)',
    });
    expect(facts['Data']).toMatch(/2026/);
    expect(within(row).getByText('gotowa')).toBeTruthy();
    expect(within(row).getByText('Klient: Anna Nowak')).toBeTruthy();
    expect(screen.getByText('Rozmowy 1–1 z 1')).toBeTruthy();
  });

  test('on a wide screen the list is a table: a column per fact, the title as the row header', async () => {
    setViewportWidth(1280);
    const fake = renderScreen(() => ({
      items: [
        callSummary({ client: { id: callIds.other, name: 'Anna Nowak' } }),
        callSummary({ id: callIds.other, title: 'Rozmowa w toku', status: 'processing', score: null, sentiment: null }),
      ],
      total: 2,
    }));
    const table = await screen.findByRole('table', { name: 'Lista rozmów' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Tytuł',
      'Status',
      'Data',
      'Konsultant',
      'Klient',
      'Czas trwania',
      'Karta oceny',
      'Wynik',
      'Nastawienie klienta',
    ]);
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByRole('rowheader').textContent).toBe('Rozmowa o leasingu');
    expect(within(first!).getAllByRole('cell').map((td) => td.textContent)).toEqual([
      'gotowa',
      expect.stringMatching(/2026/),
      'jan@salon.pl',
      'Anna Nowak',
      '01:00',
      'SALES',
      '75/100',
      '+0,30 (pozytywne)',
    ]);
    expect(within(first!).getByRole('link', { name: 'Otwórz rozmowę: Rozmowa o leasingu' }).getAttribute('href')).toBe(`#/calls/${callIds.call}`);
    // A call still processing follows its progress in the table too.
    await waitFor(() => expect(fake.streams.map((stream) => stream.input.id)).toEqual([callIds.other]));
    expect(within(second!).getByText('Czekanie na postęp…')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Lista rozmów' })).toBeNull();
  });

  test('no calls yet, or none matching: an empty state that says which', async () => {
    const fake = renderScreen(() => ({ items: [], total: 0 }));
    expect(await screen.findByText('Nie ma jeszcze żadnych rozmów. Prześlij pierwsze nagranie powyżej.')).toBeTruthy();
    await userEvent.setup().type(screen.getByLabelText('Szukaj w transkrypcjach'), 'leasing');
    expect(await screen.findByText('Żadna rozmowa nie pasuje do filtrów.')).toBeTruthy();
    expect(fake.of('calls.list').at(-1)).toEqual({ q: 'leasing', limit: 25, offset: 0 });
  });

  test('pages of 25', async () => {
    const all = Array.from({ length: 30 }, (_, n) => callSummary({ id: id(n), title: `Rozmowa ${n + 1}` }));
    const fake = renderScreen((input) => ({ items: all.slice(input.offset ?? 0, (input.offset ?? 0) + 25), total: all.length }));
    const user = userEvent.setup();
    expect(await screen.findByText('Rozmowy 1–25 z 30')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Poprzednia strona' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Następna strona' }));
    expect(await screen.findByText('Rozmowy 26–30 z 30')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Otwórz rozmowę: Rozmowa 30' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Następna strona' })).toHaveProperty('disabled', true);
    expect(fake.of('calls.list').map((input) => (input as { offset: number }).offset)).toEqual([0, 25]);
  });

  test('a call still processing shows its live stage and progress', async () => {
    const fake = renderScreen(() => ({ items: [callSummary({ status: 'processing', score: null, sentiment: null })], total: 1 }));
    await waitFor(() => expect(fake.streams).toHaveLength(1));
    const row = screen.getByRole('link', { name: 'Otwórz rozmowę: Rozmowa o leasingu' }).closest('li')!;
    expect(within(row).getByText('w przetwarzaniu')).toBeTruthy();
    expect(within(row).getByText('Czekanie na postęp…')).toBeTruthy();
    act(() =>
      fake.streams[0]!.emit({
        callId: callIds.call,
        status: 'processing',
        stages: allStages({ transcribe: { state: 'running', progress: 0.5 }, roles: { state: 'pending', progress: 0 }, scorecard: { state: 'pending', progress: 0 }, sentiment: { state: 'pending', progress: 0 } }),
      }),
    );
    expect(screen.getByText('Etap: Transkrypcja')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Postęp przetwarzania: Rozmowa o leasingu' }).getAttribute('aria-valuenow')).toBe('50');

    // Done: the list is fetched again and the row shows its result.
    act(() => fake.streams[0]!.emit({ callId: callIds.call, status: 'done', stages: allStages() }));
    await waitFor(() => expect(fake.of('calls.list')).toHaveLength(2));
  });

  test('a row opens the call; back returns to the list with its filters kept', async () => {
    const fake = renderScreen(() => ({ items: [callSummary()], total: 1 }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Szukaj w transkrypcjach'), 'rata');
    await user.click(await screen.findByRole('link', { name: 'Otwórz rozmowę: Rozmowa o leasingu' }));
    const title = await screen.findByRole('heading', { level: 2, name: 'Rozmowa o leasingu' });
    expect(document.activeElement).toBe(title);
    expect(fake.of('calls.get')).toEqual([{ id: callIds.call }]);

    await user.click(screen.getByRole('link', { name: 'Wróć do listy rozmów' }));
    expect((await screen.findByLabelText('Szukaj w transkrypcjach')) as HTMLInputElement).toHaveProperty('value', 'rata');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Rozmowy' }));
  });

  test('the consultant filter is for managers and admins only, with the active users as its choices', async () => {
    const team = renderScreen(() => ({ items: [], total: 0 }), manager);
    const filter = await screen.findByLabelText('Konsultant');
    await waitFor(() => expect([...filter.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['Wszyscy', ...users.map((u) => u.email)]));
    expect(team.of('users.list')).toEqual([undefined]);
    cleanup();
    const own = renderScreen(() => ({ items: [], total: 0 }), consultant);
    await screen.findByText(/Nie ma jeszcze żadnych rozmów/);
    expect(screen.queryByLabelText('Konsultant')).toBeNull();
    expect(own.of('users.list')).toEqual([]);
  });

  test('a failed load offers a retry', async () => {
    let fail = true;
    renderScreen(() => {
      if (fail) throw new Error('down');
      return { items: [callSummary()], total: 1 };
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Nie udało się pobrać listy rozmów.')).toBeTruthy();
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(await screen.findByRole('link', { name: 'Otwórz rozmowę: Rozmowa o leasingu' })).toBeTruthy();
  });
});
