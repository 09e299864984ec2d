// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useLanguageStore } from '../../../lib/i18n';
import { LiveTranscriptTicker } from './live-transcript-ticker';
import { segment } from './test-fakes';

beforeEach(() => useLanguageStore.getState().setLanguage('en'));
afterEach(cleanup);

test('shows the last four lines, newest at the bottom, each side named and marked', () => {
  const said = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((text, index) => segment(index, index % 2 ? 'CONSULTANT' : 'CLIENT', text));
  render(<LiveTranscriptTicker segments={said} />);
  const ticker = screen.getByRole('region', { name: 'Transcript' });
  const lines = within(ticker).getAllByRole('listitem');
  expect(lines.map((line) => line.textContent)).toEqual(['Client: Three', 'Consultant: Four', 'Client: Five', 'Consultant: Six']);
  // The side is a word and a style hook (a border style in ui.css), not a colour alone.
  expect(lines.map((line) => line.getAttribute('data-speaker'))).toEqual(['CLIENT', 'CONSULTANT', 'CLIENT', 'CONSULTANT']);
  expect(within(ticker).getByRole('list').getAttribute('aria-live')).toBe('polite');
  // No buttons per line: a glance, not a tool.
  expect(within(ticker).queryAllByRole('button')).toHaveLength(0);
});

test('before anyone speaks it says the transcript will come, with the live list already in place', () => {
  render(<LiveTranscriptTicker segments={[]} />);
  expect(screen.getByText('The transcript appears once someone speaks.')).toBeTruthy();
  expect(screen.getByRole('list').getAttribute('aria-live')).toBe('polite');
});
