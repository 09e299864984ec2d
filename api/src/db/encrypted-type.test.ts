import { randomBytes } from 'node:crypto';
import type { MikroORM, Platform } from '@mikro-orm/core';
import { describe, expect, test } from 'vitest';
import { createFieldCipher, EncryptedJson, EncryptedText, encryptionAtRest, EncryptionError } from './encrypted-type';

const KEY = randomBytes(32);
const cipher = createFieldCipher(KEY);

/** The platform of an ORM opened with `encryptionAtRest(key)`: the types find the cipher there. */
function platformWith(key: Uint8Array | null): Platform {
  const extensions = new Map<string, unknown>();
  if (key) encryptionAtRest(key).register({ config: { registerExtension: (name: string, create: () => unknown) => extensions.set(name, create()) } } as unknown as MikroORM);
  return { getConfig: () => ({ getExtension: (name: string) => extensions.get(name) }) } as unknown as Platform;
}
const platform = platformWith(KEY);

function thrown(fn: () => unknown): EncryptionError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EncryptionError);
    return error as EncryptionError;
  }
  throw new Error('expected an EncryptionError');
}

/** The same value with one base64 character of part `index` (1 iv, 2 tag, 3 ciphertext) changed. */
function tamper(stored: string, index: 1 | 2 | 3): string {
  const parts = stored.split(':');
  const part = parts[index]!;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join(':');
}

describe('the field cipher (AES-256-GCM)', () => {
  test.each([
    ['empty', ''],
    ['a note', 'Budżet do 250 tys. zł, dwoje dzieci (3 i 7 lat).'],
    ['emoji and newlines', 'Klient 🙂\nchce SUV-a\r\n\t'],
    ['long', 'zażółć gęślą jaźń '.repeat(10_000)],
  ])('round trip: %s', (_, text) => {
    const stored = cipher.encrypt(text);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$/);
    expect(cipher.decrypt(stored)).toBe(text);
  });

  test('a random IV per value: equal texts give different ciphertexts', () => {
    const values = Array.from({ length: 20 }, () => cipher.encrypt('ta sama notatka'));
    expect(new Set(values).size).toBe(20);
    expect(new Set(values.map((v) => v.split(':')[1])).size).toBe(20);
    for (const value of values) expect(cipher.decrypt(value)).toBe('ta sama notatka');
  });

  test.each([
    ['the IV', 1],
    ['the tag', 2],
    ['the ciphertext', 3],
  ] as const)('a value with %s altered is refused, naming the key variable', (_, part) => {
    const error = thrown(() => cipher.decrypt(tamper(cipher.encrypt('Mówi, że za drogo.'), part), 'interaction.input'));
    expect(error.code).toBe('undecryptable');
    expect(error.message).toContain('interaction.input');
    expect(error.message).toContain('SUFLER_ENCRYPTION_KEY');
    expect(error.message).not.toContain('Mówi');
  });

  test('a value written under another key is refused', () => {
    const stored = createFieldCipher(randomBytes(32)).encrypt('Mówi, że za drogo.');
    expect(thrown(() => cipher.decrypt(stored)).code).toBe('undecryptable');
  });

  test.each([
    'notatka sprzed szyfrowania',
    '',
    'v1: pierwsza wersja oferty',
    'v1:abc:def:ghi',
    '{"budget": "do 250 tys. zł"}',
  ])('a value not in the v1 format predates encryption and passes through: %j', (legacy) => {
    expect(cipher.decrypt(legacy)).toBe(legacy);
  });

  test('a key must have 32 bytes', () => {
    expect(thrown(() => createFieldCipher(randomBytes(16))).code).toBe('bad-key');
  });
});

describe('the encrypted column types', () => {
  const text = new EncryptedText();
  const json = new EncryptedJson();

  test('text: encrypted on the way in, plain on the way out', () => {
    const stored = text.convertToDatabaseValue('Pan Marek z żoną', platform)!;
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('Marek');
    expect(text.convertToJSValue(stored, platform)).toBe('Pan Marek z żoną');
  });

  test('JSON: serialised and encrypted; legacy JSON text still parses', () => {
    const facts = { budget: 'do 250 tys. zł', family: 'dwoje dzieci' };
    const stored = json.convertToDatabaseValue(facts, platform)!;
    expect(stored).toMatch(/^v1:/);
    expect(json.convertToJSValue(stored, platform)).toEqual(facts);
    expect(json.convertToJSValue('{"budget": "do 250 tys. zł"}', platform)).toEqual({ budget: 'do 250 tys. zł' });
    expect(json.convertToJSValue('null', platform)).toBeNull();
  });

  test.each([null, undefined])('%s stays %s both ways', (value) => {
    for (const type of [text, json]) {
      expect(type.convertToDatabaseValue(value, platform)).toBe(value);
      expect(type.convertToJSValue(value, platform)).toBe(value);
    }
  });

  test('change tracking compares plaintexts, not ciphertexts', () => {
    const a = text.convertToDatabaseValue('notatka', platform)!;
    text.platform = platform;
    json.platform = platform;
    expect(text.compareValues(a, text.convertToDatabaseValue('notatka', platform))).toBe(true);
    expect(text.compareValues(a, text.convertToDatabaseValue('inna notatka', platform))).toBe(false);
    expect(text.compareValues('notatka', a)).toBe(true);
    // Legacy JSON text as PostgreSQL printed it equals the same object encrypted: no rewrite on every flush.
    expect(json.compareValues('{"a": 1, "b": [2]}', json.convertToDatabaseValue({ a: 1, b: [2] }, platform))).toBe(true);
    expect(json.compareValues('{"a": 1}', json.convertToDatabaseValue({ a: 2 }, platform))).toBe(false);
  });

  test('a read under another key fails with a clear error; an ORM without the extension has no key', () => {
    const stored = text.convertToDatabaseValue('Pan Marek', platformWith(randomBytes(32)))!;
    expect(thrown(() => text.convertToJSValue(stored, platform)).code).toBe('undecryptable');
    expect(thrown(() => text.convertToDatabaseValue('Pan Marek', platformWith(null))).code).toBe('no-key');
  });

  test('both are text columns', () => {
    expect([text.getColumnType(), json.getColumnType()]).toEqual(['text', 'text']);
  });
});
