import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Type, type MikroORM, type Platform } from '@mikro-orm/core';

/**
 * Encryption at rest for single columns (DESIGN.md, Trust): AES-256-GCM with a fresh 12-byte IV per
 * value, so equal texts never look equal. A stored value reads `v1:<iv>:<tag>:<ciphertext>` (base64);
 * the version names scheme and key, so a later key can arrive as `v2:` while `v1:` values still read.
 */
export type FieldCipher = {
  encrypt: (plaintext: string) => string;
  /** The plaintext of a stored value; one not in the `v1:` format predates encryption and passes through. */
  decrypt: (stored: string, what?: string) => string;
};

export class EncryptionError extends Error {
  constructor(
    readonly code: 'undecryptable' | 'no-key' | 'bad-key',
    message: string,
  ) {
    super(message);
    this.name = 'EncryptionError';
  }
}

/** 12-byte IV (16 base64 characters), 16-byte tag (24 with padding), ciphertext. */
const V1 = /^v1:([A-Za-z0-9+/]{16}):([A-Za-z0-9+/]{22}==):([A-Za-z0-9+/]*={0,2})$/;

export function createFieldCipher(key: Uint8Array): FieldCipher {
  if (key.length !== 32) throw new EncryptionError('bad-key', `An AES-256 key has 32 bytes, not ${key.length}`);
  const secret = Buffer.from(key);
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
    },
    decrypt(stored, what = 'a stored value') {
      const parts = V1.exec(stored);
      if (!parts) return stored;
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(parts[1]!, 'base64'));
        decipher.setAuthTag(Buffer.from(parts[2]!, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new EncryptionError(
          'undecryptable',
          `Cannot decrypt ${what}: it was altered, or written under another key than SUFLER_ENCRYPTION_KEY`,
        );
      }
    },
  };
}

const EXTENSION = '@sufler/encryption-at-rest';

/**
 * The ORM extension that gives one ORM its key. MikroORM creates the column types itself, one set
 * per ORM, and hands them that ORM's platform: they find the cipher there, so two ORMs in one
 * process (tests, CLI) can hold different keys, and no key lives in a module-level variable.
 */
export function encryptionAtRest(key: Uint8Array) {
  const cipher = createFieldCipher(key);
  return { register: (orm: MikroORM) => orm.config.registerExtension(EXTENSION, () => cipher) };
}

/**
 * A column stored encrypted in a `text` column. Change tracking compares plaintexts (`compareValues`),
 * since encrypting one text twice gives two different values. Encrypted columns cannot be searched
 * or filtered in SQL: a condition on one would be encrypted with a new IV and never match.
 */
abstract class EncryptedType<T> extends Type<T | null | undefined, string | null | undefined> {
  protected abstract encode(value: T): string;
  protected abstract decode(plaintext: string): T;

  override convertToDatabaseValue(value: T | null | undefined, platform: Platform): string | null | undefined {
    if (value === null || value === undefined) return value as null | undefined;
    return this.cipher(platform).encrypt(this.encode(value));
  }

  override convertToJSValue(value: string | null | undefined, platform: Platform): T | null | undefined {
    if (value == null) return value;
    if (typeof value !== 'string') return value as T; // a driver that parsed it already (never for `text`)
    return this.decode(this.cipher(platform).decrypt(value, this.column()));
  }

  override compareValues(a: string | null | undefined, b: string | null | undefined): boolean {
    if (a === b) return true;
    if (a == null || b == null) return false;
    return this.normalize(a) === this.normalize(b);
  }

  /** Stored values stay as read; re-encrypting each one on load would only cost time. */
  override ensureComparable(): boolean {
    return false;
  }

  override getColumnType(): string {
    return 'text';
  }

  private normalize(stored: string): string {
    return this.encode(this.decode(this.cipher(this.platform).decrypt(stored, this.column())));
  }

  private cipher(platform: Platform | undefined): FieldCipher {
    const cipher = platform?.getConfig().getExtension<FieldCipher>(EXTENSION);
    if (!cipher) throw new EncryptionError('no-key', `No encryption key for ${this.column()}: open the database with openDatabase()`);
    return cipher;
  }

  private column(): string {
    return this.meta && this.prop ? `${this.meta.tableName}.${this.prop.fieldNames?.[0] ?? this.prop.name}` : 'a stored value';
  }
}

/** Text, encrypted; plaintext written before encryption reads as it is. */
export class EncryptedText extends EncryptedType<string> {
  protected encode(value: string): string {
    return value;
  }
  protected decode(plaintext: string): string {
    return plaintext;
  }
}

/** JSON, serialised then encrypted; plain JSON text written before encryption reads as it is. */
export class EncryptedJson extends EncryptedType<unknown> {
  protected encode(value: unknown): string {
    return JSON.stringify(value);
  }
  protected decode(plaintext: string): unknown {
    return JSON.parse(plaintext);
  }
}
