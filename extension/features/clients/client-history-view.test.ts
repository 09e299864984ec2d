import { describe, expect, test } from 'vitest';
import { translator } from '../../lib/i18n';
import type { ClientFile } from '../cockpit/cockpit-client';
import { clientRow } from '../cockpit/test-fixtures';
import { clientHistoryOf, factLabel, formatWhen, observationsText } from './client-history-view';

const session = (id: string, day: number, ended: boolean, observationCount = 0) => ({
  id,
  startedAt: `2026-01-0${day}T10:00:00.000Z`,
  endedAt: ended ? `2026-01-0${day}T11:00:00.000Z` : null,
  observationCount,
});
const file = (over: Partial<ClientFile> = {}): ClientFile => ({
  client: clientRow('Jan Kowalski'),
  sessions: [],
  keyFacts: {},
  summary: null,
  ...over,
});

describe('clientHistoryOf', () => {
  test.each([
    ['an empty file', file(), null, [], null],
    ['a blank summary counts as none', file({ summary: '  ' }), null, [], null],
    [
      'known fact kinds in vocabulary order, then hand-typed keys; blank values dropped',
      file({ summary: 'Szuka SUV-a.', keyFacts: { zz: 'x', family: 'żona', budget: '90 tys.', colour: 'czerwony', timeline: ' ' } }),
      'Szuka SUV-a.',
      [['budget', '90 tys.'], ['family', 'żona'], ['colour', 'czerwony'], ['zz', 'x']],
      null,
    ],
    ['the open session is the one to continue', file({ sessions: [session('a', 1, true), session('b', 2, false)] }), null, [], 'b'],
  ] as const)('%s', (_, input, summary, facts, open) => {
    const view = clientHistoryOf(input);
    expect(view.summary).toBe(summary);
    expect(view.keyFacts).toEqual(facts);
    expect(view.openSession?.id ?? null).toBe(open);
  });

  test('sessions come newest first whatever order they had', () => {
    const view = clientHistoryOf(file({ sessions: [session('a', 1, true), session('c', 3, true), session('b', 2, true)] }));
    expect(view.sessions.map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('labels, counts and dates', () => {
  test.each([
    ['pl', 'budget', 'Budżet'],
    ['en', 'current_car', 'Current car'],
    ['pl', 'kolor', 'kolor'],
  ] as const)('factLabel (%s, %s)', (language, key, expected) => expect(factLabel(translator(language), key)).toBe(expected));

  test.each([
    ['pl', 0, '0 obserwacji'],
    ['pl', 1, '1 obserwacja'],
    ['pl', 3, '3 obserwacje'],
    ['pl', 5, '5 obserwacji'],
    ['pl', 22, '22 obserwacje'],
    ['en', 1, '1 observation'],
    ['en', 2, '2 observations'],
  ] as const)('observationsText (%s, %i)', (language, count, expected) =>
    expect(observationsText(translator(language), language, count)).toBe(expected));

  test.each([
    ['pl', '1 sty 2026, 10:05'],
    ['en', '1 Jan 2026, 10:05'],
  ] as const)('formatWhen (%s)', (language, expected) =>
    expect(formatWhen('2026-01-01T10:05:00.000Z', language, 'UTC')).toBe(expected));
});
