// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ScorecardInput } from '@sufler/shared';
import { useLanguageStore } from '../../lib/i18n';
import { criterion, fieldError, renderScorecards } from './scorecard-test-render';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

async function openSales() {
  const rendered = renderScorecards('#/scorecards/SALES');
  await screen.findByRole('heading', { level: 2, name: 'Sprzedaż' });
  return { ...rendered, user: userEvent.setup() };
}

const save = (user: UserEvent) => user.click(screen.getByRole('button', { name: 'Zapisz nową wersję' }));

describe('validation by the API schema, with the message next to the field', () => {
  test.each<[string, (user: UserEvent) => Promise<HTMLElement>, string]>([
    ['an empty name', async (user) => {
      await user.clear(screen.getByLabelText('Nazwa'));
      return screen.getByLabelText('Nazwa');
    }, 'Wypełnij to pole.'],
    ['a description over 600 characters', async (user) => {
      const field = screen.getByLabelText('Opis');
      await user.clear(field);
      await user.click(field);
      await user.paste('x'.repeat(601));
      return field;
    }, 'Najwyżej 600 znaków.'],
    ['a weight of 0', async (user) => {
      const field = criterion(1, 'Powitanie').getByLabelText('Waga (1–100)');
      await user.clear(field);
      await user.type(field, '0');
      return field;
    }, 'Waga: liczba całkowita od 1 do 100.'],
    ['no weight', async (user) => {
      const field = criterion(2, 'Następny krok').getByLabelText('Waga (1–100)');
      await user.clear(field);
      return field;
    }, 'Waga: liczba całkowita od 1 do 100.'],
    ['"needed" of 11', async (user) => {
      const field = criterion(1, 'Powitanie').getByLabelText('Ile wyrażeń daje „spełnione” (1–10)');
      await user.clear(field);
      await user.type(field, '11');
      return field;
    }, 'Liczba całkowita od 1 do 10.'],
    ['an empty criterion name', async (user) => {
      await user.clear(criterion(2, 'Następny krok').getByLabelText('Nazwa kryterium'));
      return criterion(2, 'bez nazwy').getByLabelText('Nazwa kryterium');
    }, 'Wypełnij to pole.'],
    ['a blank phrase', async (user) => {
      const field = criterion(1, 'Powitanie').getByRole('textbox', { name: 'Wyrażenie 2' });
      await user.clear(field);
      await user.type(field, '   ');
      return field;
    }, 'Wypełnij to pole.'],
  ])('%s', async (_case, edit, message) => {
    const { user, of } = await openSales();
    const field = await edit(user);
    expect(fieldError(field)).toBeNull();
    await save(user);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(fieldError(field)).toBe(message);
    // The keyboard goes to the field, and the summary says a save did not happen.
    expect(document.activeElement).toBe(field);
    expect(screen.getByRole('alert').textContent).toBe('Nie zapisano: popraw pola opisane w formularzu (pól: 1).');
    expect(of('scorecards.save')).toEqual([]);
  });

  test('no phrases left: the list says so; the messages follow the edits once shown', async () => {
    const { user, of } = await openSales();
    const second = criterion(2, 'Następny krok');
    await user.click(second.getByRole('button', { name: 'Usuń wyrażenie 1: jazda próbna' }));
    // Nothing left to focus in the list but its "add" button.
    expect(document.activeElement).toBe(second.getByRole('button', { name: 'Dodaj wyrażenie' }));
    await save(user);
    expect(second.getByText('Dodaj co najmniej jedno wyrażenie.')).toBeTruthy();
    await user.click(second.getByRole('button', { name: 'Dodaj wyrażenie' }));
    await user.keyboard('test drive');
    expect(second.queryByText('Dodaj co najmniej jedno wyrażenie.')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await save(user);
    await screen.findByText('Zapisano: SALES, wersja 2.');
    expect((of('scorecards.save')[0] as ScorecardInput).criteria[1]!.evidence).toEqual(['test drive']);
  });
});

describe('the weights', () => {
  test('their total is shown; not 100 is a note, not an error, and the save goes through', async () => {
    const { user, of } = await openSales();
    expect(screen.getByText('Suma wag: 100')).toBeTruthy();
    expect(screen.queryByText(/suma wag to nie 100/)).toBeNull();
    const weight = criterion(1, 'Powitanie').getByLabelText('Waga (1–100)');
    await user.clear(weight);
    await user.type(weight, '45');
    expect(screen.getByText('Suma wag: 105')).toBeTruthy();
    const note = screen.getByText('Uwaga: suma wag to nie 100. To nie błąd: wynik rozmowy to udział zdobytych wag w ich sumie.');
    expect(note.className).toBe('warning');
    expect(weight.getAttribute('aria-invalid')).toBe('false');
    await save(user);
    await screen.findByText('Zapisano: SALES, wersja 2.');
    expect((of('scorecards.save')[0] as ScorecardInput).criteria.map((c) => c.weight)).toEqual([45, 60]);
    // A weight being typed (empty for now) counts as nothing in the total.
    await user.clear(weight);
    expect(screen.getByText('Suma wag: 60')).toBeTruthy();
  });

  test('"needed" above the phrases there are: a note that the criterion cannot be met in full', async () => {
    const { user } = await openSales();
    const second = criterion(2, 'Następny krok');
    await user.clear(second.getByLabelText('Ile wyrażeń daje „spełnione” (1–10)'));
    await user.type(second.getByLabelText('Ile wyrażeń daje „spełnione” (1–10)'), '3');
    expect(second.getByText('Uwaga: „spełnione” wymaga 3 różnych wyrażeń, a wyrażeń na liście: 1.')).toBeTruthy();
  });
});

describe('a new criterion', () => {
  test('gets its id from its label (lower-case ASCII, hyphens, unique); a saved one keeps its id', async () => {
    const { user, of } = await openSales();
    // The saved ones: the id is shown, not editable.
    expect(criterion(1, 'Powitanie').queryByLabelText('Identyfikator')).toBeNull();
    expect(criterion(1, 'Powitanie').getByText('greeting').tagName).toBe('CODE');
    await user.type(criterion(1, 'Powitanie').getByLabelText('Nazwa kryterium'), ' z uśmiechem');
    expect(criterion(1, 'Powitanie z uśmiechem').getByText('greeting')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Dodaj kryterium' }));
    const label = criterion(3, 'bez nazwy').getByLabelText('Nazwa kryterium');
    expect(document.activeElement).toBe(label);
    await user.keyboard('Następny krok');
    const id = criterion(3, 'Następny krok').getByLabelText('Identyfikator');
    // "next-step" is another criterion's id… but this label's own slug is free.
    expect(id).toHaveProperty('value', 'nastepny-krok');

    await user.click(screen.getByRole('button', { name: 'Dodaj kryterium' }));
    await user.keyboard('Następny krok');
    expect(criterion(4, 'Następny krok').getByLabelText('Identyfikator')).toHaveProperty('value', 'nastepny-krok-2');

    // Typed by the admin: the id stops following the label.
    await user.clear(id);
    await user.type(id, 'Follow-Up');
    expect(id).toHaveProperty('value', 'follow-up');
    await user.type(criterion(3, 'Następny krok').getByLabelText('Nazwa kryterium'), ' po jeździe');
    expect(criterion(3, 'Następny krok po jeździe').getByLabelText('Identyfikator')).toHaveProperty('value', 'follow-up');

    for (const n of [3, 4]) {
      const group = criterion(n, n === 3 ? 'Następny krok po jeździe' : 'Następny krok');
      await user.type(group.getByLabelText('Opis: co konsultant ma zrobić'), 'Opis');
      await user.type(group.getByRole('textbox', { name: 'Wyrażenie 1' }), 'zadzwonię');
    }
    await save(user);
    await screen.findByText('Zapisano: SALES, wersja 2.');
    expect((of('scorecards.save')[0] as ScorecardInput).criteria.map((c) => c.id)).toEqual(['greeting', 'next-step', 'follow-up', 'nastepny-krok-2']);
    // Saved: fixed now.
    expect(criterion(3, 'Następny krok po jeździe').queryByLabelText('Identyfikator')).toBeNull();
  });

  test('an id typed to match another criterion is an error at that id', async () => {
    const { user } = await openSales();
    await user.click(screen.getByRole('button', { name: 'Dodaj kryterium' }));
    await user.keyboard('Kolejny');
    const id = criterion(3, 'Kolejny').getByLabelText('Identyfikator');
    await user.clear(id);
    await user.type(id, 'greeting');
    await save(user);
    expect(fieldError(id)).toBe('Inne kryterium ma już ten identyfikator.');
    await user.clear(id);
    await user.type(id, '9x');
    expect(fieldError(id)).toBe('Identyfikator: mała litera, potem małe litery, cyfry lub -; razem 2–60 znaków.');
  });
});
