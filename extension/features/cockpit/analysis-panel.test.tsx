// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { ARCHETYPE_IDS, type ArchetypeScore, type LeaderChange } from '@sufler/shared';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { translator, useLanguageStore } from '../../lib/i18n';
import { leaderChangeText } from './analysis-distribution';
import { DELTA_HOLD_MS } from './analysis-meter';
import { AnalysisPanel } from './analysis-panel';
import { EMPTY_VIEW, viewFromAnalysis, type AnalysisView } from './analysis-view';
import { analysis, ids, scores } from './test-fixtures';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** All ten archetypes: the family guardian leads, the rest share what is left. */
function distribution(leader: ArchetypeScore['id'] = 'family_guardian', top = 0.46): ArchetypeScore[] {
  const rest = ARCHETYPE_IDS.filter((id) => id !== leader);
  return [
    { id: leader, probability: top, evidence: ['dzieci', 'bezpieczne auto'] },
    ...rest.map((id, index) => ({ id, probability: index === 0 ? 0.15 : (1 - top - 0.15) / (rest.length - 1), evidence: [] })),
  ];
}

const viewWith = (over: Partial<Parameters<typeof analysis>[0]> = {}): AnalysisView =>
  viewFromAnalysis(ids.interaction, analysis({ archetypes: distribution(), ...over }));

describe('archetype distribution', () => {
  test('lists every archetype with a text percentage, the leader first with its evidence', () => {
    render(<AnalysisPanel view={viewWith()} />);
    const list = screen.getByRole('list', { name: 'Rozkład archetypów' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(10);
    expect(rows[0]!.textContent).toBe('Strażnik Rodziny46%');
    expect(rows[1]!.textContent).toBe('Zdobywca Statusu15%');
    // Every row says its number in text; the bar only repeats it and is hidden from assistive technology.
    for (const row of rows) {
      expect(row.textContent).toMatch(/\d+%$/);
      expect(row.querySelector('.bar')!.getAttribute('aria-hidden')).toBe('true');
    }
    expect(screen.getByText('Strażnik Rodziny', { selector: '.leader strong' })).toBeTruthy();
    expect(screen.getByText('prawdopodobieństwo 46%')).toBeTruthy();
    const evidence = screen.getByRole('list', { name: 'Dowody' });
    expect(within(evidence).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['„dzieci”', '„bezpieczne auto”']);
  });

  test('in English the names are translated too', () => {
    useLanguageStore.getState().setLanguage('en');
    render(<AnalysisPanel view={viewWith({ archetypes: distribution('tech_pioneer', 0.5) })} />);
    const rows = within(screen.getByRole('list', { name: 'Archetype distribution' })).getAllByRole('listitem');
    expect(rows[0]!.textContent).toBe('Tech Pioneer50%');
    expect(screen.getByText('Tech Pioneer', { selector: '.leader strong' })).toBeTruthy();
  });

  test('with no evidence at all (every archetype 10%) there is no leader to name', () => {
    const flat = ARCHETYPE_IDS.map((id) => ({ id, probability: 0.1, evidence: [] }));
    render(<AnalysisPanel view={viewWith({ archetypes: flat })} />);
    expect(screen.getByText('Brak wyraźnego lidera: za mało sygnałów.')).toBeTruthy();
    expect(document.querySelector('.leader')).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Rozkład archetypów' })).getAllByText('10%')).toHaveLength(10);
  });
});

describe('leader change', () => {
  const change: LeaderChange = { from: 'bargain_hunter', to: 'family_guardian', because: ['dzieci', 'fotelik'] };

  test.each([
    ['pl', change, 'Zmiana lidera: Łowca Okazji → Strażnik Rodziny. Przesądziło: „dzieci”, „fotelik”.'],
    ['en', change, 'Leader changed: Bargain Hunter → Family Guardian. Tipped by: „dzieci”, „fotelik”.'],
    ['pl', { ...change, because: [] as string[] }, 'Zmiana lidera: Łowca Okazji → Strażnik Rodziny.'],
  ] as const)('leaderChangeText (%s)', (language, leaderChange, expected) => {
    expect(leaderChangeText(translator(language), leaderChange)).toBe(expected);
  });

  test('is announced when the leader changes, and gone when the next observation keeps the leader', () => {
    const { rerender } = render(<AnalysisPanel view={viewWith({ leaderChange: change })} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Zmiana lidera: Łowca Okazji → Strażnik Rodziny. Przesądziło: „dzieci”, „fotelik”.',
    );
    rerender(<AnalysisPanel view={viewWith({ leaderChange: null })} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('score meters', () => {
  test('each score is a named meter with its value in text, and the rules behind it', () => {
    render(<AnalysisPanel view={viewWith({ scores: scores({ readiness: 72, lossRisk: 15 }) })} />);
    const readiness = screen.getByRole('meter', { name: 'Gotowość do zakupu' });
    expect(readiness.getAttribute('aria-valuenow')).toBe('72');
    expect(readiness.getAttribute('aria-valuetext')).toBe('72 na 100');
    expect(readiness.getAttribute('data-tone')).toBe('good');
    expect((readiness.querySelector('.bar-fill') as HTMLElement).style.width).toBe('72%');
    // A low risk is good news: the colour follows the meaning, not the number.
    expect(screen.getByRole('meter', { name: 'Ryzyko utraty klienta' }).getAttribute('data-tone')).toBe('good');
    expect(screen.getAllByText('Asked about the price (+10)')).toHaveLength(4);
    expect(screen.getByText('Reguły: Gotowość do zakupu')).toBeTruthy();
  });

  test('a changed score grows to its new width and shows the change for a moment', () => {
    vi.useFakeTimers();
    const { rerender } = render(<AnalysisPanel view={viewWith({ scores: scores({ readiness: 50, lossRisk: 40 }) })} />);
    expect(document.querySelector('.delta')).toBeNull();

    rerender(<AnalysisPanel view={viewWith({ scores: scores({ readiness: 57, lossRisk: 52 }) })} />);
    const readiness = screen.getByRole('meter', { name: 'Gotowość do zakupu' });
    expect((readiness.querySelector('.bar-fill') as HTMLElement).style.width).toBe('57%');
    const deltas = [...document.querySelectorAll('.delta')];
    expect(deltas.map((d) => [d.textContent, d.getAttribute('data-tone')])).toEqual([
      ['zmiana +7', 'good'],
      // A rising risk is bad news.
      ['zmiana +12', 'bad'],
    ]);

    act(() => vi.advanceTimersByTime(DELTA_HOLD_MS + 1));
    expect(document.querySelector('.delta')).toBeNull();

    rerender(<AnalysisPanel view={viewWith({ scores: scores({ readiness: 54, lossRisk: 52 }) })} />);
    expect(document.querySelector('.delta')!.textContent).toBe('zmiana −3');
  });
});

describe('states', () => {
  test('empty before anything, "analysing" while the first observation streams', () => {
    const { rerender } = render(<AnalysisPanel view={EMPTY_VIEW} />);
    expect(screen.getByText('Analiza pojawi się po pierwszej obserwacji.')).toBeTruthy();
    rerender(<AnalysisPanel view={{ ...EMPTY_VIEW, interactionId: ids.interaction, stage: 'signals' }} />);
    expect(screen.getByRole('status').textContent).toBe('Analizuję obserwację…');
  });
});
