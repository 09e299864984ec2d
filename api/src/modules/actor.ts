import type { Role } from '@sufler/shared';

/** The authenticated user a call is made for. */
export type Actor = { id: string; role: Role };
