// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import type { Settings } from '../../lib/settings';

// options-form.tsx loads WXT's storage, which needs an extension global at import time.
await vi.hoisted(async () => {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });
});
const { OptionsForm } = await import('./options-form');

beforeEach(() => useLanguageStore.getState().setLanguage('en'));
afterEach(cleanup);

describe('OptionsForm', () => {
  test('refuses an address that is not http(s), then saves a good one and confirms', async () => {
    const saved: Settings[] = [];
    render(<OptionsForm initial={{ apiUrl: 'http://127.0.0.1:8787', language: 'pl' }} save={async (s) => saved.push(s)} />);
    const person = userEvent.setup();
    const url = screen.getByLabelText('API address');

    await person.clear(url);
    await person.type(url, 'localhost:8787{Enter}');
    expect(saved).toEqual([]);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter an http:// or https:// address')).toBeTruthy();

    await person.clear(url);
    await person.type(url, 'https://sufler.example.com/');
    await person.selectOptions(screen.getByLabelText('Language'), 'en');
    await person.click(screen.getByRole('button', { name: 'Save' }));

    expect(saved).toEqual([{ apiUrl: 'https://sufler.example.com', language: 'en' }]);
    expect(screen.getByRole('status').textContent).toBe('Saved');
    expect(url.getAttribute('aria-invalid')).toBe('false');
  });

  test.each([
    ['granted: saved', true, [{ apiUrl: 'https://sufler.example.com:8443', language: 'pl' }], 'Saved'],
    ['refused: not saved, and said so', false, [], 'The browser did not grant access to https://sufler.example.com:8443. The address was not saved.'],
  ])('a new API address asks for access to its host; %s', async (_name, granted, expected, status) => {
    const saved: Settings[] = [];
    const asked: string[][] = [];
    const requestOrigins = async (origins: string[]) => {
      asked.push(origins);
      return granted;
    };
    render(<OptionsForm initial={{ apiUrl: 'http://127.0.0.1:8787', language: 'pl' }} save={async (s) => saved.push(s)} requestOrigins={requestOrigins} />);
    const person = userEvent.setup();
    const url = screen.getByLabelText('API address');
    await person.clear(url);
    await person.type(url, 'https://sufler.example.com:8443{Enter}');
    expect(asked).toEqual([['https://sufler.example.com/*']]);
    expect(saved).toEqual(expected);
    expect(screen.getByRole('status').textContent).toBe(status);
  });

  test('the default address needs no extra access', async () => {
    const asked: string[][] = [];
    render(
      <OptionsForm
        initial={{ apiUrl: 'http://127.0.0.1:8787', language: 'pl' }}
        save={async () => undefined}
        requestOrigins={async (origins) => (asked.push(origins), false)}
      />,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(asked).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });
});
