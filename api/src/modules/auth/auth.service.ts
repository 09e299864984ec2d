import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoginInput, TokenPair, User } from '@sufler/shared';
import { DomainError } from '../../errors';
import { audit, auditNow } from '../audit/audit';
import { toUser } from '../users/user.service';
import { UserEntity, type UserRow } from '../users/user.entity';
import { assertNotThrottled, createAuthThrottles, type AuthThrottles, type ThrottleKey } from './auth-throttles';
import { getDecoyHash, verifyPassword as argon2Verify } from './password';
import { RefreshTokenEntity } from './refresh-token.entity';
import { hashRefreshToken, newRefreshToken, type AccessTokens } from './tokens';

export type AuthServiceDeps = {
  accessTokens: AccessTokens;
  refreshTtlSeconds: number;
  now?: () => number;
  /** Failed logins and refreshes per account and address; default: in memory with 5 / 20 per 15 min. */
  throttles?: AuthThrottles;
  /** The password check (argon2id); tests count its calls to prove a throttled login costs none. */
  verifyPassword?: (passwordHash: string, password: string) => Promise<boolean>;
};

/** Where an attempt came from: the client's address (see `client-address.ts`); absent for in-process callers. */
export type AttemptOrigin = { address?: string | null };

/**
 * Failed logins get an audit row each only while they are among the first AUDITED_FAILURES of their account
 * and of their address in the throttle window; past that, only the lockout itself is audited (once per key
 * and window), so a guessing attack cannot fill the audit table.
 */
export const AUDITED_FAILURES = 3;

export type AuthService = ReturnType<typeof createAuthService>;

const badCredentials = () => new DomainError('UNAUTHENTICATED', 'Wrong e-mail or password');
const badRefresh = () => new DomainError('UNAUTHENTICATED', 'Session expired, please log in again');

export function createAuthService({
  accessTokens,
  refreshTtlSeconds,
  now = Date.now,
  throttles = createAuthThrottles({ maxPerAccount: 5, maxPerAddress: 20, windowSeconds: 15 * 60 }, now),
  verifyPassword = argon2Verify,
}: AuthServiceDeps) {
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
    async login(em: EntityManager, { email, password }: LoginInput, { address = null }: AttemptOrigin = {}): Promise<TokenPair> {
      const account = email.trim().toLowerCase();
      const keys: ThrottleKey[] = [
        { scope: 'account', throttle: throttles.account, key: account },
        ...(address ? [{ scope: 'address', throttle: throttles.address, key: address } as const] : []),
      ];
      // Before the database and argon2: a locked attempt costs nothing, so guessing cannot slow other users down.
      await assertNotThrottled('logins', keys, async (scope, retryAfterSeconds) => {
        const user = scope === 'account' ? await em.findOne(UserEntity, { email: account }) : null;
        await auditNow(em, {
          actor: null,
          action: 'login',
          entity: 'user',
          entityId: user?.id ?? null,
          outcome: 'failure',
          detail: { reason: 'throttled', scope, retryAfterSeconds },
        });
      });
      const user = await em.findOne(UserEntity, { email: account }, { populate: ['passwordHash'] });
      const ok = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
      if (!user || !ok || !user.active) {
        const failures = await Promise.all(keys.map((k) => k.throttle.fail(k.key)));
        if (failures.every((n) => n <= AUDITED_FAILURES)) {
          await auditNow(em, {
            actor: user ? { id: user.id, role: user.role } : null,
            action: 'login',
            entity: 'user',
            entityId: user?.id ?? null,
            outcome: 'denied',
          });
        }
        throw badCredentials();
      }
      // The address keeps its count: one good account must not launder the guesses made at others.
      await throttles.account.reset(account);
      audit(em, { actor: { id: user.id, role: user.role }, action: 'login', entity: 'user', entityId: user.id });
      return issue(em, user, randomUUID());
    },

    /**
     * Rotates: the presented token is spent, a new pair returned. A spent token revokes its family.
     * Failed refreshes count per address, like failed logins.
     */
    async refresh(em: EntityManager, refreshToken: string, { address = null }: AttemptOrigin = {}): Promise<TokenPair> {
      if (address) {
        await assertNotThrottled('session refreshes', [{ scope: 'address', throttle: throttles.refresh, key: address }], (scope, retryAfterSeconds) =>
          auditNow(em, {
            actor: null,
            action: 'login',
            entity: 'refresh_token',
            outcome: 'failure',
            detail: { reason: 'throttled', scope, retryAfterSeconds },
          }),
        );
      }
      const refused = async () => {
        if (address) await throttles.refresh.fail(address);
        return badRefresh();
      };
      const stored = await em.findOne(
        RefreshTokenEntity,
        { tokenHash: hashRefreshToken(refreshToken) },
        { populate: ['user'] },
      );
      if (!stored) throw await refused();
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
        throw await refused();
      }
      if (stored.expiresAt.getTime() <= now() || !stored.user.active) throw await refused();
      // Spend it atomically: of two concurrent refreshes with one token, only one wins.
      const spent = await em.nativeUpdate(RefreshTokenEntity, { id: stored.id, revokedAt: null }, { revokedAt: new Date(now()) });
      if (spent !== 1) throw await refused();
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
