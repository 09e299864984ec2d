import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { RoleSchema, type Role } from '@sufler/shared';
import { z } from 'zod';
import { DomainError } from '../../errors';

export type AccessClaims = { userId: string; role: Role };

const ISSUER = 'sufler';
const AUDIENCE = 'sufler-api';
const ClaimsSchema = z.object({ sub: z.uuid(), role: RoleSchema });

export type AccessTokens = ReturnType<typeof createAccessTokens>;

/**
 * Short-lived access tokens: HS256 JWTs. Verification pins the algorithm, issuer and audience, so
 * `alg: none`, tokens signed with another key and tokens meant for something else are all refused.
 */
export function createAccessTokens(options: { secret: string; ttlSeconds: number; now?: () => number }) {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? Date.now;

  return {
    async sign(claims: AccessClaims): Promise<{ token: string; expiresAt: number }> {
      const issuedAt = Math.floor(now() / 1000);
      const expiresAt = issuedAt + options.ttlSeconds;
      const token = await new SignJWT({ role: claims.role })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key);
      return { token, expiresAt: expiresAt * 1000 };
    },

    async verify(token: string): Promise<AccessClaims> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: new Date(now()),
        });
        const claims = ClaimsSchema.parse(payload);
        return { userId: claims.sub, role: claims.role };
      } catch (error) {
        const expired = error instanceof errors.JWTExpired;
        throw new DomainError('UNAUTHENTICATED', expired ? 'Access token expired' : 'Invalid access token');
      }
    },
  };
}

/** An opaque refresh token (256 random bits) and the hash under which it is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');
