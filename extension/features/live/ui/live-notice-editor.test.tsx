// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useLanguageStore } from '../../../lib/i18n';
import { withQueries } from '../../cockpit/test-render';
import { LiveNoticeEditor } from './live-notice-editor';
import { fakeLiveClient, notice } from './test-fakes';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

test('shows the stored notice, refuses a too short one and saves a new version', async () => {
  const { client, calls } = fakeLiveClient();
  render(withQueries(<LiveNoticeEditor client={client} />));
  const field = (await screen.findByLabelText('Treść komunikatu')) as HTMLTextAreaElement;
  expect(field.value).toBe(notice.text);
  const person = userEvent.setup();

  await person.clear(field);
  await person.type(field, 'Krótki');
  await person.click(screen.getByRole('button', { name: 'Zapisz komunikat' }));
  expect(screen.getByRole('alert').textContent).toBe('Komunikat musi mieć od 10 do 2000 znaków.');
  expect(calls.map((c) => c.path)).not.toContain('live.saveNotice');

  await person.type(field, ': rozmowa jest nagrywana.');
  await person.click(screen.getByRole('button', { name: 'Zapisz komunikat' }));
  expect((await screen.findByRole('status')).textContent).toBe('Zapisano (wersja 4).');
  expect(calls.find((c) => c.path === 'live.saveNotice')!.input).toEqual({ text: 'Krótki: rozmowa jest nagrywana.' });
  expect(field.value).toBe('Krótki: rozmowa jest nagrywana.');
});

test('a refused save says so and keeps the text', async () => {
  const { client } = fakeLiveClient({ saveNotice: () => Promise.reject(new Error('FORBIDDEN')) });
  render(withQueries(<LiveNoticeEditor client={client} />));
  const field = (await screen.findByLabelText('Treść komunikatu')) as HTMLTextAreaElement;
  await userEvent.setup().type(field, ' Dziękujemy.');
  await userEvent.setup().click(screen.getByRole('button', { name: 'Zapisz komunikat' }));
  expect((await screen.findByRole('alert')).textContent).toBe('Nie udało się zapisać komunikatu.');
  expect(field.value).toBe(`${notice.text} Dziękujemy.`);
});
