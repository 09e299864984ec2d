// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { SentimentChart } from './sentiment-chart';
import { callDetail } from './test-fixtures';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

const points = callDetail().sentimentTimeline;

test('the chart is summed up in words: mean, extremes with their moment, the trend', () => {
  render(<SentimentChart points={points} durationMs={60_000} onSeek={() => undefined} />);
  const chart = screen.getByRole('img', { name: /Nastawienie klienta w czasie/ });
  const name = chart.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' ');
  expect(name).toBe(
    'Nastawienie klienta w czasie Średnie nastawienie klienta: +0,17 (pozytywne), wypowiedzi: 3. ' +
      'Najniżej −0,40 w 00:10, najwyżej +0,80 w 00:50. Pod koniec rozmowy nastawienie było lepsze niż na początku.',
  );
  // One point per client utterance, a zero line, and m:ss ticks along the time axis.
  expect(chart.querySelectorAll('circle')).toHaveLength(3);
  expect(chart.querySelector('line.zero')).not.toBeNull();
  expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['+1', '0', '−1', '00:00', '00:15', '00:30', '00:45', '01:00']);
});

test('every point is also in a table whose times seek the recording', async () => {
  const onSeek = vi.fn();
  render(<SentimentChart points={points} durationMs={60_000} onSeek={onSeek} />);
  const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
  expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
    ['00:10', '−0,40', 'niezdecydowany'],
    ['00:30', '+0,10', 'neutralny'],
    ['00:50', '+0,80', 'zadowolony'],
  ]);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Odtwórz wypowiedź klienta od 00:30' }));
  expect(onSeek).toHaveBeenCalledWith(30_000);
});

test('no client sentiment yet: says so, draws nothing', () => {
  render(<SentimentChart points={[]} durationMs={60_000} onSeek={() => undefined} />);
  expect(screen.getByText('Brak danych o nastawieniu klienta.')).toBeTruthy();
  expect(screen.queryByRole('img')).toBeNull();
});
