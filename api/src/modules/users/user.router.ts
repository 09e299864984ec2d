import { roleProcedure, router } from '../../trpc/init';
import { listActiveUsers } from './user.service';

export const usersRouter = router({
  /** Who calls can be filed under: managers and admins assign uploads to consultants. */
  list: roleProcedure('manager', 'admin').query(({ ctx }) => listActiveUsers(ctx.em)),
});
