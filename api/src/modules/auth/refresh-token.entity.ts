import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserEntity } from '../users/user.entity';

/**
 * A refresh token, stored only as its SHA-256 hash. Tokens of one login form a family: each refresh
 * revokes the used token and issues the next; presenting a revoked token revokes the whole family
 * (someone replayed a stolen token).
 */
export const RefreshTokenEntity = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user: () => p.manyToOne(UserEntity).deleteRule('cascade'),
    tokenHash: p.string().length(64).unique(),
    familyId: p.uuid().index(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type RefreshTokenRow = InferEntity<typeof RefreshTokenEntity>;
