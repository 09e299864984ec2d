import { z } from 'zod';
import { RoleSchema } from '../domain/roles';
import { IdSchema } from './common';

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Long enough to resist guessing, short enough that hashing it cannot be used to burn CPU. */
export const NewPasswordSchema = z
  .string()
  .min(12, 'Password must have at least 12 characters')
  .max(256, 'Password must have at most 256 characters');

export const LoginInputSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** Refresh tokens are opaque random strings (base64url); the bound keeps garbage out early. */
export const RefreshInputSchema = z.object({
  refreshToken: z.string().min(20).max(200),
});
export type RefreshInput = z.infer<typeof RefreshInputSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  role: RoleSchema,
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const TokenPairSchema = z.object({
  accessToken: z.string(),
  /** When the access token stops working, as epoch milliseconds. */
  accessTokenExpiresAt: z.number(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.number(),
  user: UserSchema,
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

export const UserCreateInputSchema = z.object({
  email: EmailSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
});
export type UserCreateInput = z.infer<typeof UserCreateInputSchema>;
