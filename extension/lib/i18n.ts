import { create } from 'zustand';
import type { Language } from './settings';

/**
 * The UI's strings. Polish is the reference: `en` is typed as `Record<MessageKey, string>`, so a key missing
 * from it (or one it has that Polish lacks) is a type error, not a blank label at runtime.
 * `{name}` placeholders are filled by `t(key, { name })`.
 */
const pl = {
  appTitle: 'Sufler',
  'connection.connecting': 'Łączenie z {url}…',
  'connection.unreachable': 'Brak połączenia z API ({url}): {message}',
  'connection.ok': 'API: {database} ({kind}) · tryb: {mode}',
  'connection.databaseOk': 'połączono',
  'connection.databaseDown': 'baza niedostępna',
  'connection.modeLlm': 'model AI',
  'connection.modeRules': 'reguły (bez modelu)',
  'login.heading': 'Zaloguj się',
  'login.email': 'E-mail',
  'login.password': 'Hasło',
  'login.submit': 'Zaloguj',
  'login.submitting': 'Logowanie…',
  'login.error.invalid-credentials': 'Nieprawidłowy e-mail lub hasło.',
  'login.error.unreachable': 'Nie można połączyć się z API. Sprawdź adres w ustawieniach.',
  'login.error.session-expired': 'Sesja wygasła. Zaloguj się ponownie.',
  'login.error.unknown': 'Coś poszło nie tak. Spróbuj ponownie.',
  'session.signedInAs': 'Zalogowano jako {email}',
  'session.logout': 'Wyloguj',
  'session.restoring': 'Przywracanie sesji…',
  'options.heading': 'Ustawienia Suflera',
  'options.apiUrl': 'Adres API',
  'options.apiUrlInvalid': 'Podaj adres http:// lub https://',
  'options.language': 'Język',
  'options.save': 'Zapisz',
  'options.saved': 'Zapisano',
  'language.pl': 'polski',
  'language.en': 'angielski',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof pl;

const en: Record<MessageKey, string> = {
  appTitle: 'Sufler',
  'connection.connecting': 'Connecting to {url}…',
  'connection.unreachable': 'Cannot reach the API ({url}): {message}',
  'connection.ok': 'API: {database} ({kind}) · mode: {mode}',
  'connection.databaseOk': 'connected',
  'connection.databaseDown': 'database unavailable',
  'connection.modeLlm': 'AI model',
  'connection.modeRules': 'rules (no model)',
  'login.heading': 'Sign in',
  'login.email': 'E-mail',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.error.invalid-credentials': 'Wrong e-mail or password.',
  'login.error.unreachable': 'Cannot reach the API. Check its address in the options.',
  'login.error.session-expired': 'Your session has expired. Please sign in again.',
  'login.error.unknown': 'Something went wrong. Please try again.',
  'session.signedInAs': 'Signed in as {email}',
  'session.logout': 'Sign out',
  'session.restoring': 'Restoring the session…',
  'options.heading': 'Sufler options',
  'options.apiUrl': 'API address',
  'options.apiUrlInvalid': 'Enter an http:// or https:// address',
  'options.language': 'Language',
  'options.save': 'Save',
  'options.saved': 'Saved',
  'language.pl': 'Polish',
  'language.en': 'English',
};

export const messages: Record<Language, Record<MessageKey, string>> = { pl, en };

export type Translate = (key: MessageKey, params?: Record<string, string>) => string;

export function translator(language: Language): Translate {
  const dictionary = messages[language];
  return (key, params) =>
    dictionary[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => params?.[name] ?? placeholder);
}

/** UI state only: which language the screens speak. Loaded from settings at start-up, changed by the options page. */
export const useLanguageStore = create<{ language: Language; setLanguage: (language: Language) => void }>()((set) => ({
  language: 'pl',
  setLanguage: (language) => set({ language }),
}));

const translators: Record<Language, Translate> = { pl: translator('pl'), en: translator('en') };

/** The translate function for the current language; stable per language, so it is safe in effect dependencies. */
export function useT(): Translate {
  return translators[useLanguageStore((state) => state.language)];
}
