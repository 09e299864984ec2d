// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { ErrorWithRetry } from './error-with-retry';

afterEach(cleanup);

test.each([
  ['pl', 'Spróbuj ponownie'],
  ['en', 'Try again'],
] as const)('one alert with the message and a retry button that retries (%s)', async (language, retryLabel) => {
  useLanguageStore.getState().setLanguage(language);
  let retries = 0;
  render(<ErrorWithRetry message="Could not load the strategy." onRetry={() => retries++} />);
  const alert = screen.getByRole('alert');
  expect(within(alert).getByText('Could not load the strategy.')).toBeTruthy();
  await userEvent.setup().click(within(alert).getByRole('button', { name: retryLabel }));
  expect(retries).toBe(1);
});
