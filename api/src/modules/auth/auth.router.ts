import { LoginInputSchema, RefreshInputSchema } from '@sufler/shared';
import { authedProcedure, publicProcedure, router } from '../../trpc/init';
import { toUser } from '../users/user.service';
import { UserEntity } from '../users/user.entity';

export const authRouter = router({
  login: publicProcedure.input(LoginInputSchema).mutation(({ ctx, input }) => ctx.deps.auth.login(ctx.em, input)),
  refresh: publicProcedure
    .input(RefreshInputSchema)
    .mutation(({ ctx, input }) => ctx.deps.auth.refresh(ctx.em, input.refreshToken)),
  logout: publicProcedure.input(RefreshInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.deps.auth.logout(ctx.em, input.refreshToken);
    return { ok: true as const };
  }),
  me: authedProcedure.query(async ({ ctx }) => toUser(await ctx.em.findOneOrFail(UserEntity, { id: ctx.actor.id }))),
});
