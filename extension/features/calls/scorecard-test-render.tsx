import { render, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { Scorecard, ScorecardInput } from '@sufler/shared';
import { withQueries } from '../cockpit/test-render';
import { scorecardRoute } from './app-route';
import { createLeaveGuard, useLeaveGuardListening } from './scorecard-leave-guard';
import { ScorecardScreen } from './scorecard-screen';
import { fakeCallsClient } from './test-fixtures';
import { useHashRoute } from './use-hash-route';

type Handlers = Parameters<typeof fakeCallsClient>[0];

/** SALES as the API has it: version 1, built in, two criteria (weights 40 + 60). */
export const SALES: Scorecard = {
  key: 'SALES',
  name: 'Sprzedaż',
  description: 'Rozmowa sprzedażowa w salonie.',
  version: 1,
  builtIn: true,
  updatedAt: '2026-03-02T09:30:00.000Z',
  criteria: [
    { id: 'greeting', label: 'Powitanie', description: 'Wita klienta i się przedstawia.', weight: 40, autoFail: false, side: 'CONSULTANT', evidence: ['dzień dobry', 'nazywam się'], needed: 2 },
    { id: 'next-step', label: 'Następny krok', description: 'Proponuje jazdę próbną.', weight: 60, autoFail: false, side: 'CONSULTANT', evidence: ['jazda próbna'], needed: 1 },
  ],
};

export const OWN: Scorecard = { ...SALES, key: 'FLEET', name: 'Flota', builtIn: false, version: 3, criteria: [SALES.criteria[0]!] };

/** What the API answers to a save: the next version of the key (version 1 of a new one). */
export const savedAs = (input: ScorecardInput, known: readonly Scorecard[] = [SALES, OWN]): Scorecard => {
  const latest = known.find((card) => card.key === input.key);
  return { ...input, version: (latest?.version ?? 0) + 1, builtIn: latest?.builtIn ?? false, updatedAt: '2026-03-03T10:00:00.000Z' };
};

/**
 * The screen at `hash` with its route in the address, as the app keeps it; the app's moves ask the guard
 * first, and the guard's question is answered by `ask` (a mock: what was asked, and yes or no).
 */
export function renderScorecards(hash: string, handlers: Handlers = {}, answer = false) {
  window.history.replaceState(null, '', `/${hash}`);
  const ask = vi.fn((_message: string) => answer);
  const guard = createLeaveGuard(ask);
  const fake = fakeCallsClient({
    'scorecards.list': async () => [OWN, SALES],
    'scorecards.get': async ({ key }: { key: string }) => [SALES, OWN].find((card) => card.key === key) ?? Promise.reject(Object.assign(new Error('NOT_FOUND'), { data: { code: 'NOT_FOUND' } })),
    'scorecards.save': async (input: ScorecardInput) => savedAs(input),
    ...handlers,
  });
  function Routed() {
    useLeaveGuardListening(guard);
    const { route, navigate } = useHashRoute();
    return (
      <ScorecardScreen
        client={fake.client}
        guard={guard}
        scorecardKey={route.section === 'scorecards' ? (route.scorecardKey ?? null) : null}
        onNavigate={(key, options) => guard.confirmLeave() && navigate(scorecardRoute(key), options)}
      />
    );
  }
  const view = render(withQueries(<Routed />));
  return { ...fake, ...view, ask, guard };
}

/** One criterion's group, by its legend ("Kryterium 2: Następny krok"). */
export const criterion = (n: number, label: string) => within(screen.getByRole('group', { name: `Kryterium ${n}: ${label}` }));

/** The message a field shows under it (its description, minus its hint), or null. */
export function fieldError(field: HTMLElement): string | null {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('error'));
  return error?.textContent ?? null;
}
