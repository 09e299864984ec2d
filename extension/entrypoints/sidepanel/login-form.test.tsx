// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createAuthStore, type AuthClient } from '../../lib/auth-store';
import { useLanguageStore } from '../../lib/i18n';
import { fakeAuthClient, networkError, serverError, tokenPair, user } from '../../lib/test-fixtures';
import { memoryTokenStorage } from '../../lib/token-storage';
import { LoginForm } from './login-form';
import { SessionBar } from './session-bar';

const storeFor = (client: AuthClient) => createAuthStore({ client: () => client, storage: memoryTokenStorage() });

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

describe('LoginForm', () => {
  test.each([
    ['pl', 'Zaloguj się', 'E-mail', 'Hasło', 'Zaloguj'],
    ['en', 'Sign in', 'E-mail', 'Password', 'Sign in'],
  ] as const)('labels every control in %s', (language, heading, email, password, submit) => {
    useLanguageStore.getState().setLanguage(language);
    render(<LoginForm store={storeFor(fakeAuthClient({}).client)} />);
    expect(screen.getByRole('form', { name: heading })).toBeTruthy();
    expect(screen.getByLabelText(email)).toHaveProperty('type', 'email');
    expect(screen.getByLabelText(password)).toHaveProperty('type', 'password');
    expect(screen.getByRole('button', { name: submit })).toBeTruthy();
  });

  test('switching the language relabels the open form', () => {
    render(<LoginForm store={storeFor(fakeAuthClient({}).client)} />);
    expect(screen.getByLabelText('Hasło')).toBeTruthy();
    act(() => useLanguageStore.getState().setLanguage('en'));
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });

  test('Enter in the password field submits what was typed, with a loading state meanwhile', async () => {
    let finish: (pair: ReturnType<typeof tokenPair>) => void = () => undefined;
    const { client, calls } = fakeAuthClient({
      login: () => new Promise((resolve) => (finish = resolve)),
      me: async () => user,
    });
    const store = storeFor(client);
    render(<LoginForm store={store} />);
    const person = userEvent.setup();

    await person.type(screen.getByLabelText('E-mail'), 'anna@firma.pl');
    await person.type(screen.getByLabelText('Hasło'), 'tajne-haslo{Enter}');

    expect(calls).toEqual([{ path: 'auth.login', input: { email: 'anna@firma.pl', password: 'tajne-haslo' } }]);
    const button = screen.getByRole('button', { name: 'Logowanie…' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByRole('form').getAttribute('aria-busy')).toBe('true');

    await act(async () => finish(tokenPair()));
    expect(store.getState().status).toBe('authenticated');
  });

  test.each([
    ['pl', serverError('UNAUTHORIZED'), 'Nieprawidłowy e-mail lub hasło.'],
    ['pl', networkError(), 'Nie można połączyć się z API. Sprawdź adres w ustawieniach.'],
    ['en', serverError('UNAUTHORIZED'), 'Wrong e-mail or password.'],
    ['en', networkError(), 'Cannot reach the API. Check its address in the options.'],
    ['en', serverError('INTERNAL_SERVER_ERROR'), 'Something went wrong. Please try again.'],
    // Throttled (issue 12): the wait the API gave, in whole minutes rounded up.
    ['pl', serverError('TOO_MANY_REQUESTS', 'Too many failed logins: try again in 4 min', { retryAfterSeconds: 221 }), 'Za dużo nieudanych prób logowania. Spróbuj ponownie za 4 min.'],
    ['en', serverError('TOO_MANY_REQUESTS', 'Too many failed logins: try again in 4 min', { retryAfterSeconds: 221 }), 'Too many failed sign-ins. Try again in 4 min.'],
    ['en', serverError('TOO_MANY_REQUESTS', 'Too many failed logins: try again in 1 min', { retryAfterSeconds: 5 }), 'Too many failed sign-ins. Try again in 1 min.'],
    ['en', serverError('TOO_MANY_REQUESTS'), 'Too many failed sign-ins. Please try again later.'],
    // The web cockpit has no options page: its API is the server that served it.
    ['pl', networkError(), 'Nie można połączyć się z serwerem Suflera. Sprawdź połączenie z siecią.', true],
    ['en', networkError(), 'Cannot reach the Sufler server. Check your network connection.', true],
    ['en', serverError('UNAUTHORIZED'), 'Wrong e-mail or password.', true],
  ] as const)('shows the message for the error code (%s: %s)', async (language, error, message, web: boolean = false) => {
    useLanguageStore.getState().setLanguage(language);
    const { client } = fakeAuthClient({ login: () => Promise.reject(error) });
    render(<LoginForm store={storeFor(client)} web={web} />);
    const person = userEvent.setup();
    await person.type(screen.getByLabelText('E-mail'), 'anna@firma.pl');
    await person.type(screen.getByLabelText(language === 'pl' ? 'Hasło' : 'Password'), 'x');
    await person.click(screen.getByRole('button'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(message);
    // The message is tied to the fields, so a screen reader reads it with them.
    expect(screen.getByLabelText('E-mail').getAttribute('aria-describedby')).toBe(alert.id);
  });
});

describe('SessionBar', () => {
  test.each([
    ['pl', 'Zalogowano jako anna@firma.pl', 'Wyloguj'],
    ['en', 'Signed in as anna@firma.pl', 'Sign out'],
  ] as const)('shows who is signed in and logs out (%s)', async (language, text, logout) => {
    useLanguageStore.getState().setLanguage(language);
    const { client } = fakeAuthClient({ me: async () => user, logout: async () => ({ ok: true }) });
    const store = createAuthStore({ client: () => client, storage: memoryTokenStorage(tokenPair()) });
    await store.getState().restore();
    render(<SessionBar store={store} />);
    expect(screen.getByText(text)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: logout }));
    expect(store.getState().status).toBe('anonymous');
  });
});
