import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoginInput, TokenPair, User } from '@sufler/shared';
import { DomainError } from '../../errors';
import { audit, auditNow } from '../audit/audit';
import { toUser } from '../users/user.service';
import { UserEntity, type UserRow } from '../users/user.entity';
import { getDecoyHash, verifyPassword } from './password';
import { RefreshTokenEntity } from './refresh-token.entity';
import { hashRefreshToken, newRefreshToken, type AccessTokens } from './tokens';

export type AuthServiceDeps = {
  accessTokens: AccessTokens;
  refreshTtlSeconds: number;
  now?: () => number;
};

export type AuthService = ReturnType<typeof createAuthService>;

const badCredentials = () => new DomainError('UNAUTHENTICATED', 'Wrong e-mail or password');
const badRefresh = () => new DomainError('UNAUTHENTICATED', 'Session expired, please log in again');

export function createAuthService({ accessTokens, refreshTtlSeconds, now = Date.now }: AuthServiceDeps) {
  const revokeFamily = (em: EntityManager, familyId: string) =>
    em.nativeUpdate(RefreshTokenEntity, { familyId, revokedAt: null }, { revokedAt: new Date(now()) });

  async function issue(em: EntityManager, user: UserRow, familyId: string): Promise<TokenPair> {
    const access = await accessTokens.sign({ userId: user.id, role: user.role });
    const refresh = newRefreshToken();
    const refreshTokenExpiresAt = now() + refreshTtlSeconds * 1000;
    em.create(RefreshTokenEntity, {
      user,
      tokenHash: refresh.hash,
      familyId,
      expiresAt: new Date(refreshTokenExpiresAt),
    });
    await em.flush();
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt,
      user: toUser(user),
    };
  }

  return {
    async login(em: EntityManager, { email, password }: LoginInput): Promise<TokenPair> {
      const user = await em.findOne(UserEntity, { email }, { populate: ['passwordHash'] });
      const ok = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
      if (!user || !ok || !user.active) {
        await auditNow(em, {
          actor: user ? { id: user.id, role: user.role } : null,
          action: 'login',
          entity: 'user',
          entityId: user?.id ?? null,
          outcome: 'denied',
        });
        throw badCredentials();
      }
      audit(em, { actor: { id: user.id, role: user.role }, action: 'login', entity: 'user', entityId: user.id });
      return issue(em, user, randomUUID());
    },

    /** Rotates: the presented token is spent, a new pair returned. A spent token revokes its family. */
    async refresh(em: EntityManager, refreshToken: string): Promise<TokenPair> {
      const stored = await em.findOne(
        RefreshTokenEntity,
        { tokenHash: hashRefreshToken(refreshToken) },
        { populate: ['user'] },
      );
      if (!stored) throw badRefresh();
      if (stored.revokedAt) {
        await revokeFamily(em, stored.familyId);
        await auditNow(em, {
          actor: { id: stored.user.id, role: stored.user.role },
          action: 'login',
          entity: 'refresh_token',
          entityId: stored.familyId,
          outcome: 'denied',
          detail: { reason: 'reused refresh token; family revoked' },
        });
        throw badRefresh();
      }
      if (stored.expiresAt.getTime() <= now() || !stored.user.active) throw badRefresh();
      // Spend it atomically: of two concurrent refreshes with one token, only one wins.
      const spent = await em.nativeUpdate(RefreshTokenEntity, { id: stored.id, revokedAt: null }, { revokedAt: new Date(now()) });
      if (spent !== 1) throw badRefresh();
      return issue(em, stored.user, stored.familyId);
    },

    /** Revokes the whole login the token belongs to; an unknown token is already logged out. */
    async logout(em: EntityManager, refreshToken: string): Promise<void> {
      const stored = await em.findOne(RefreshTokenEntity, { tokenHash: hashRefreshToken(refreshToken) }, { populate: ['user'] });
      if (!stored) return;
      await revokeFamily(em, stored.familyId);
      await auditNow(em, {
        actor: { id: stored.user.id, role: stored.user.role },
        action: 'logout',
        entity: 'refresh_token',
        entityId: stored.familyId,
      });
    },

    /** The user behind a verified access token, if they still exist and are active. */
    async activeUser(em: EntityManager, userId: string): Promise<User | null> {
      const user = await em.findOne(UserEntity, { id: userId, active: true });
      return user ? toUser(user) : null;
    },
  };
}
