// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { scorecardRoute } from './app-route';
import { createLeaveGuard } from './scorecard-leave-guard';
import { renderScorecards } from './scorecard-test-render';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

const QUESTION = 'Karta ma niezapisane zmiany. Wyjść i je porzucić?';
const back = () =>
  act(async () => {
    window.history.back();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

describe('createLeaveGuard', () => {
  test('asks only while something is held; a yes drops it (and asks no more), a no keeps it', () => {
    const ask = vi.fn(() => false);
    const guard = createLeaveGuard(ask);
    expect(guard.confirmLeave()).toBe(true);
    expect(ask).not.toHaveBeenCalled();

    const discard = vi.fn();
    guard.hold({ here: scorecardRoute('SALES'), message: 'Porzucić?', discard });
    expect(guard.confirmLeave()).toBe(false);
    expect(ask).toHaveBeenCalledWith('Porzucić?');
    expect(discard).not.toHaveBeenCalled();

    ask.mockReturnValue(true);
    expect(guard.confirmLeave()).toBe(true);
    expect(discard).toHaveBeenCalledOnce();
    expect(guard.confirmLeave()).toBe(true);
    expect(ask).toHaveBeenCalledTimes(2);
  });
});

/** From the list to SALES (a history entry, as a click makes), then one unsaved edit of its name. */
async function editSales(answer: boolean) {
  const rendered = renderScorecards('#/scorecards', {}, answer);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('link', { name: 'Sprzedaż' }));
  await screen.findByRole('heading', { level: 2, name: 'Sprzedaż' });
  await user.type(screen.getByLabelText('Nazwa'), ' (nowa)');
  return { ...rendered, user };
}

describe('unsaved changes', () => {
  test.each([
    ['the way back to the list', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('link', { name: 'Wróć do kart oceny' }))],
    ["the browser's back button", async () => back()],
  ])('%s asks first; "stay" keeps the form and its edits at its address', async (_case, leave) => {
    const { user, ask } = await editSales(false);
    await leave(user);
    expect(ask).toHaveBeenCalledExactlyOnceWith(QUESTION);
    expect(window.location.hash).toBe('#/scorecards/SALES');
    expect(screen.getByLabelText('Nazwa')).toHaveProperty('value', 'Sprzedaż (nowa)');
  });

  test.each([
    ['the way back to the list', async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('link', { name: 'Wróć do kart oceny' }))],
    ["the browser's back button", async () => back()],
  ])('%s, agreed to: the edits are dropped', async (_case, leave) => {
    const { user, ask } = await editSales(true);
    await leave(user);
    expect(ask).toHaveBeenCalledOnce();
    expect(await screen.findByRole('list', { name: 'Karty oceny' })).toBeTruthy();
    expect(window.location.hash).toBe('#/scorecards');
    await user.click(screen.getByRole('link', { name: 'Sprzedaż' }));
    expect(await screen.findByLabelText('Nazwa')).toHaveProperty('value', 'Sprzedaż');
  });

  test('closing the tab is asked about while there are changes, and only then', async () => {
    const { user, ask } = await editSales(false);
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Odrzuć zmiany' }));
    expect(screen.getByLabelText('Nazwa')).toHaveProperty('value', 'Sprzedaż');
    expect(unload()).toBe(false);
    // Nothing held any more: leaving asks nothing.
    await user.click(screen.getByRole('link', { name: 'Wróć do kart oceny' }));
    expect(await screen.findByRole('list', { name: 'Karty oceny' })).toBeTruthy();
    expect(ask).not.toHaveBeenCalled();
  });

  test('saved: leaving asks nothing', async () => {
    const { user, ask } = await editSales(false);
    await user.click(screen.getByRole('button', { name: 'Zapisz nową wersję' }));
    await screen.findByText('Zapisano: SALES, wersja 2.');
    await back();
    expect(await screen.findByRole('list', { name: 'Karty oceny' })).toBeTruthy();
    expect(ask).not.toHaveBeenCalled();
  });
});
