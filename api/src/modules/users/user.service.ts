import type { EntityManager } from '@mikro-orm/postgresql';
import { UserCreateInputSchema, type User, type UserCreateInput } from '@sufler/shared';
import { DomainError } from '../../errors';
import { hashPassword } from '../auth/password';
import { UserEntity, type UserRow } from './user.entity';

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  role: row.role,
  active: row.active,
});

/** Creates a user; the e-mail must be new. Validates its input itself, as the CLI calls it too. */
export async function createUser(em: EntityManager, input: UserCreateInput): Promise<User> {
  const { email, role, password } = UserCreateInputSchema.parse(input);
  if (await em.count(UserEntity, { email })) {
    throw new DomainError('CONFLICT', `A user with e-mail ${email} already exists`);
  }
  const user = em.create(UserEntity, { email, role, passwordHash: await hashPassword(password) });
  await em.flush();
  return toUser(user);
}

export const countUsers = (em: EntityManager) => em.count(UserEntity);

/** Active users, for a manager picking whose call an upload is (e-mail and role only). */
export async function listActiveUsers(em: EntityManager): Promise<User[]> {
  return (await em.find(UserEntity, { active: true }, { orderBy: { email: 'asc' } })).map(toUser);
}
