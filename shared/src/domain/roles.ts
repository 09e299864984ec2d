import { z } from 'zod';

/**
 * Who a user is in the dealership:
 * - `consultant`: a sales rep; sees and works only with the clients they own,
 * - `manager`: reviews the team's clients and calls,
 * - `admin`: users, knowledge, settings; sees everything.
 */
export const ROLES = ['consultant', 'manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Roles that see every client, not only their own. */
export const TEAM_ROLES: readonly Role[] = ['manager', 'admin'];

/** Whether a user of `role` may see a client owned by `ownerId`. */
export function canSeeClient(user: { id: string; role: Role }, ownerId: string): boolean {
  return TEAM_ROLES.includes(user.role) || user.id === ownerId;
}
