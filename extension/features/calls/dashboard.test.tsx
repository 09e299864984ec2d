// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Dashboard } from '@sufler/shared';
import { useLanguageStore } from '../../lib/i18n';
import { withQueries } from '../cockpit/test-render';
import { CallsDashboard } from './dashboard';
import { callIds, emptyDashboard, fakeCallsClient, fakeCallsHttp, scorecards, users } from './test-fixtures';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const data: Dashboard = {
  totals: { calls: 12, scored: 10, avgScore: 71.6, avgSentiment: -0.2 },
  perConsultant: [
    { consultantId: callIds.consultant, email: 'jan@salon.pl', calls: 8, avgScore: 74 },
    { consultantId: callIds.reviewer, email: 'ewa@salon.pl', calls: 4, avgScore: null },
  ],
  scoreTrend: [
    { period: '2026-02-23', scorecardKey: 'SALES', calls: 5, avgScore: 65 },
    { period: '2026-03-02', scorecardKey: 'SALES', calls: 7, avgScore: 78 },
  ],
  criteria: [{ scorecardKey: 'SALES', criterionId: 'greeting', label: 'Powitanie', calls: 10, metShare: 0.6, avg: 0.75 }],
  sentimentTrend: [{ period: '2026-03-02', calls: 7, avgSentiment: 0.25 }],
};

function renderDashboard(answer: (input: unknown) => Dashboard, role: 'consultant' | 'manager' = 'consultant', files = {}) {
  const fake = fakeCallsClient({
    'calls.dashboard': async (input) => answer(input),
    'scorecards.list': async () => scorecards,
    'users.list': async () => users,
  });
  const { http, requests } = fakeCallsHttp(files);
  render(withQueries(<CallsDashboard client={fake.client} http={http} role={role} debounceMs={0} />));
  return { ...fake, requests };
}

describe('dashboard', () => {
  test('with no calls it says so and draws no charts', async () => {
    renderDashboard(() => emptyDashboard);
    expect(await screen.findByText('Nie ma jeszcze rozmów do podsumowania.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Konsultanci' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Eksportuj XLSX' })).toBeTruthy();
  });

  test('totals, consultants, trends and criteria, each value in words', async () => {
    renderDashboard(() => data);
    const totals = (await screen.findByRole('heading', { name: 'Podsumowanie' })).closest('section')!;
    expect(within(totals).getByText('12')).toBeTruthy();
    expect(within(totals).getByText('72')).toBeTruthy();
    expect(within(totals).getByText('−0,20 (negatywne)')).toBeTruthy();

    const consultants = screen.getByRole('list', { name: 'Konsultanci' });
    expect(within(consultants).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'jan@salon.plrozmowy: 8, średni wynik: 74',
      'ewa@salon.plrozmowy: 4, średni wynik: brak',
    ]);
    const trend = screen.getByRole('list', { name: 'Wyniki w czasie: SALES' });
    expect(within(trend).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'SALES · tydzień od 23 lut 2026średnio 65 (rozmowy: 5)',
      'SALES · tydzień od 2 mar 2026średnio 78 (rozmowy: 7)',
    ]);
    expect(within(screen.getByRole('list', { name: 'Kryteria: SALES' })).getByText('średnio 75%, spełnione w 60% (rozmowy: 10)')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Nastawienie klientów w czasie' })).getByText('+0,25 (pozytywne), rozmowy: 7')).toBeTruthy();
  });

  test('filters and the period go to the query; the XLSX export carries the same filters', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:xlsx');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { of, requests } = renderDashboard(() => data, 'consultant', { xlsx: async () => ({ blob: new Blob(['PK']), filename: 'rozmowy.xlsx' }) });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Podsumowanie' });
    await user.selectOptions(screen.getByLabelText('Okresy'), 'miesiące');
    await user.selectOptions(await screen.findByLabelText('Karta oceny'), 'Serwis');
    await waitFor(() => expect(of('calls.dashboard').at(-1)).toEqual({ scorecardKey: 'SERVICE', period: 'month' }));
    expect(of('calls.dashboard')[0]).toEqual({ period: 'week' });
    // A consultant sees only their own calls: no consultant filter (and no lookup of consultants).
    expect(screen.queryByLabelText('Konsultant')).toBeNull();
    expect(of('users.list')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Eksportuj XLSX' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(requests.find((r) => r.kind === 'xlsx')?.args).toEqual([{ scorecardKey: 'SERVICE' }, 'pl']);
  });

  test('a manager can filter by consultant, picked from the active users (with calls or not yet)', async () => {
    const { of } = renderDashboard(() => data, 'manager');
    const select = await screen.findByLabelText('Konsultant');
    await screen.findByRole('option', { name: 'ewa@salon.pl' });
    expect(screen.getByRole('option', { name: 'kierownik@salon.pl' })).toBeTruthy();
    await userEvent.setup().selectOptions(select, 'ewa@salon.pl');
    await waitFor(() => expect(of('calls.dashboard').at(-1)).toEqual({ consultantId: users[2]!.id, period: 'week' }));
    expect(of('users.list')).toHaveLength(1);
  });

  test('a failed load offers a retry', async () => {
    let fail = true;
    renderDashboard(() => {
      if (fail) throw new Error('down');
      return emptyDashboard;
    });
    const alert = await screen.findByRole('alert');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Spróbuj ponownie' }));
    expect(await screen.findByText('Nie ma jeszcze rozmów do podsumowania.')).toBeTruthy();
  });
});
