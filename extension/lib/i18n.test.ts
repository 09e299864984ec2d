import { describe, expect, test } from 'vitest';
import { messages, translator, type MessageKey } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  const keys = Object.keys(messages.pl) as MessageKey[];

  test('both languages have exactly the same keys', () => {
    expect(Object.keys(messages.en).sort()).toEqual([...keys].sort());
  });

  test.each(keys)('%s is non-empty and has the same placeholders in both languages', (key) => {
    expect(messages.pl[key].trim()).not.toBe('');
    expect(messages.en[key].trim()).not.toBe('');
    expect(placeholders(messages.en[key])).toEqual(placeholders(messages.pl[key]));
  });

  test('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('pl')('session.signedInAs', { email: 'a@b.pl' })).toBe('Zalogowano jako a@b.pl');
    expect(translator('en')('session.signedInAs', { email: 'a@b.pl' })).toBe('Signed in as a@b.pl');
    expect(translator('en')('session.signedInAs')).toBe('Signed in as {email}');
  });

  test('a dictionary missing a key does not compile', () => {
    // @ts-expect-error every key of the Polish reference must be present
    const incomplete: Record<MessageKey, string> = { appTitle: 'Sufler' };
    expect(incomplete).toBeDefined();
  });
});
