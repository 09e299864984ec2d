// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ScorecardInput, ScorecardSaveInput } from '@sufler/shared';
import { useLanguageStore } from '../../lib/i18n';
import { criterion, renderScorecards, SALES } from './scorecard-test-render';
import { trpcError } from './test-fixtures';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

const saveButton = () => screen.getByRole('button', { name: 'Zapisz nową wersję' });

describe('the list', () => {
  test('each template with its key, name, version, criteria and kind; a template opens at its address', async () => {
    renderScorecards('#/scorecards');
    const list = await screen.findByRole('list', { name: 'Karty oceny' });
    const rows = within(list)
      .getAllByRole('listitem')
      .map((item) => [item.querySelector('a')!.textContent, ...[...item.querySelectorAll('dd')].map((dd) => dd.textContent)]);
    expect(rows).toEqual([
      ['Flota', 'FLEET', '3', '1', 'własna'],
      ['Sprzedaż', 'SALES', '1', '2', 'wbudowana'],
    ]);
    expect(screen.getByRole('link', { name: 'Nowa karta' }).getAttribute('href')).toBe('#/scorecards/new');

    await userEvent.click(screen.getByRole('link', { name: 'Sprzedaż' }));
    expect(window.location.hash).toBe('#/scorecards/SALES');
    expect(await screen.findByRole('heading', { level: 2, name: 'Sprzedaż' })).toBeTruthy();
    expect(screen.getByText('SALES · wersja 1 · wbudowana')).toBeTruthy();
  });

  test('a key the API does not know: said so, with the way back', async () => {
    renderScorecards('#/scorecards/NOPE');
    expect((await screen.findByRole('alert')).textContent).toBe('Nie ma karty o tym kluczu.');
    await userEvent.click(screen.getByRole('link', { name: 'Wróć do kart oceny' }));
    expect(await screen.findByRole('list', { name: 'Karty oceny' })).toBeTruthy();
  });
});

describe('editing a template', () => {
  test('a weight changed and a phrase added: the save sends the whole template, and the new version is shown', async () => {
    const { of } = renderScorecards('#/scorecards/SALES');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Sprzedaż' });
    const second = criterion(2, 'Następny krok');
    await user.clear(second.getByLabelText('Waga (1–100)'));
    await user.type(second.getByLabelText('Waga (1–100)'), '50');
    await user.click(second.getByRole('button', { name: 'Dodaj wyrażenie' }));
    // The new field has the keyboard.
    expect(document.activeElement).toBe(second.getByRole('textbox', { name: 'Wyrażenie 2' }));
    await user.keyboard('  umówmy się*  ');
    await user.click(saveButton());

    await screen.findByText('Zapisano: SALES, wersja 2.');
    const expected: ScorecardSaveInput = {
      key: 'SALES',
      name: SALES.name,
      description: SALES.description,
      criteria: [SALES.criteria[0]!, { ...SALES.criteria[1]!, weight: 50, evidence: ['jazda próbna', 'umówmy się*'] }],
      basedOnVersion: 1,
    };
    expect(of('scorecards.save')).toEqual([expected]);
    expect(screen.getByText('SALES · wersja 2 · wbudowana')).toBeTruthy();
    // Saved: nothing to discard, nothing to ask about on leaving.
    expect(screen.getByRole('button', { name: 'Odrzuć zmiany' })).toHaveProperty('disabled', true);
  });

  test('criteria move up and down and are removed; the keyboard stays on the button pressed', async () => {
    const { of } = renderScorecards('#/scorecards/SALES');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Sprzedaż' });
    await user.click(criterion(1, 'Powitanie').getByRole('button', { name: 'Przesuń w dół: Powitanie' }));
    // Now last, so "down" is off: the keyboard moves to "up" of the same criterion.
    expect(document.activeElement).toBe(criterion(2, 'Powitanie').getByRole('button', { name: 'Przesuń w górę: Powitanie' }));
    expect(screen.getByText('Kryterium „Powitanie” jest teraz na pozycji 2 z 2.')).toBeTruthy();
    await user.click(saveButton());
    await screen.findByText('Zapisano: SALES, wersja 2.');
    expect((of('scorecards.save')[0] as ScorecardInput).criteria.map((c) => c.id)).toEqual(['next-step', 'greeting']);

    await user.click(criterion(1, 'Następny krok').getByRole('button', { name: 'Usuń kryterium: Następny krok' }));
    expect(screen.queryByRole('group', { name: /Następny krok/ })).toBeNull();
    expect(document.activeElement).toBe(criterion(1, 'Powitanie').getByLabelText('Nazwa kryterium'));
    await user.click(saveButton());
    await waitFor(() => expect(of('scorecards.save')).toHaveLength(2));
    expect((of('scorecards.save')[1] as ScorecardInput).criteria.map((c) => c.id)).toEqual(['greeting']);
  });

  test('a forbidden criterion: "needed" does not apply, so its field goes and a bad value does not block the save', async () => {
    const { of } = renderScorecards('#/scorecards/SALES');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Sprzedaż' });
    const first = criterion(1, 'Powitanie');
    await user.clear(first.getByLabelText('Ile wyrażeń daje „spełnione” (1–10)'));
    await user.click(first.getByLabelText('Zakazane: tych wyrażeń nie wolno powiedzieć'));
    await user.click(first.getByLabelText('Krytyczne: niespełnione zeruje wynik rozmowy'));
    expect(first.queryByLabelText(/Ile wyrażeń daje/)).toBeNull();
    expect(first.getByRole('group', { name: 'Wyrażenia zakazane' })).toBeTruthy();
    await user.selectOptions(first.getByLabelText('Czyje słowa się liczą'), 'klienta');
    await user.click(saveButton());
    await screen.findByText('Zapisano: SALES, wersja 2.');
    expect((of('scorecards.save')[0] as ScorecardInput).criteria[0]).toEqual({ ...SALES.criteria[0], side: 'CLIENT', autoFail: true, forbidden: true, needed: 1 });
  });

  test.each([
    ['FORBIDDEN', trpcError('FORBIDDEN'), 'Nie zapisano: karty oceny może zmieniać tylko administrator.'],
    ['CONFLICT', trpcError('CONFLICT'), 'Nie zapisano: ktoś inny zapisał tę kartę w międzyczasie. Otwórz ją ponownie i wprowadź zmiany jeszcze raz.'],
    ['a lost connection', new TypeError('Failed to fetch'), 'Nie zapisano: brak połączenia z serwerem. Zmiany są nadal w formularzu; spróbuj ponownie.'],
    ['INTERNAL_SERVER_ERROR', trpcError('INTERNAL_SERVER_ERROR'), 'Nie zapisano: błąd serwera (INTERNAL_SERVER_ERROR). Zmiany są nadal w formularzu; spróbuj ponownie.'],
  ])('the server refuses (%s): said so, and the edits stay', async (_case, error, message) => {
    renderScorecards('#/scorecards/SALES', { 'scorecards.save': async () => Promise.reject(error) });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Sprzedaż' });
    await user.type(screen.getByLabelText('Nazwa'), ' 2');
    await user.click(saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByLabelText('Nazwa')).toHaveProperty('value', 'Sprzedaż 2');
    expect(screen.queryByText(/^Zapisano/)).toBeNull();
    expect(screen.getByText('SALES · wersja 1 · wbudowana')).toBeTruthy();
  });
});

describe('a new template', () => {
  test('key, name, a criterion whose id comes from its label; saved as version 1 at its own address', async () => {
    const { of } = renderScorecards('#/scorecards/new');
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 2, name: 'Nowa karta oceny' })).toBe(document.activeElement);
    await user.type(screen.getByLabelText('Klucz'), 'test_drive');
    expect(screen.getByLabelText('Klucz')).toHaveProperty('value', 'TEST_DRIVE');
    await user.type(screen.getByLabelText('Nazwa'), 'Jazda próbna');
    await user.type(screen.getByLabelText('Opis'), 'Rozmowa po jeździe próbnej.');
    const first = criterion(1, 'bez nazwy');
    await user.type(first.getByLabelText('Nazwa kryterium'), 'Pytanie o wrażenia');
    const group = criterion(1, 'Pytanie o wrażenia');
    expect(group.getByLabelText('Identyfikator')).toHaveProperty('value', 'pytanie-o-wrazenia');
    await user.type(group.getByLabelText('Opis: co konsultant ma zrobić'), 'Pyta, jak się jechało.');
    await user.type(group.getByRole('textbox', { name: 'Wyrażenie 1' }), 'jak się jechało');
    await user.click(screen.getByRole('button', { name: 'Zapisz kartę' }));

    await screen.findByText('Zapisano: TEST_DRIVE, wersja 1.');
    expect(of('scorecards.save')).toEqual([
      {
        basedOnVersion: 0,
        key: 'TEST_DRIVE',
        name: 'Jazda próbna',
        description: 'Rozmowa po jeździe próbnej.',
        criteria: [
          { id: 'pytanie-o-wrazenia', label: 'Pytanie o wrażenia', description: 'Pyta, jak się jechało.', weight: 10, autoFail: false, side: 'CONSULTANT', evidence: ['jak się jechało'], needed: 1 },
        ],
      },
    ]);
    // Its address is its key now (in place of /new: back does not lead to an empty form), and its id is fixed.
    expect(window.location.hash).toBe('#/scorecards/TEST_DRIVE');
    expect(screen.getByText('TEST_DRIVE · wersja 1 · własna')).toBeTruthy();
    expect(criterion(1, 'Pytanie o wrażenia').queryByLabelText('Identyfikator')).toBeNull();
    expect(screen.getByText('pytanie-o-wrazenia').tagName).toBe('CODE');
    expect(screen.getByRole('button', { name: 'Zapisz nową wersję' })).toBeTruthy();
  });

  test('a key already in use is refused here: saving it would make a new version of that template', async () => {
    const { of } = renderScorecards('#/scorecards/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Nowa karta oceny' });
    await user.type(screen.getByLabelText('Klucz'), 'SALES');
    await user.click(screen.getByRole('button', { name: 'Zapisz kartę' }));
    await waitFor(() => expect(screen.getByLabelText('Klucz').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Karta SALES już istnieje. Wybierz inny klucz albo edytuj tamtą kartę.')).toBeTruthy();
    expect(of('scorecards.save')).toEqual([]);
  });
});
