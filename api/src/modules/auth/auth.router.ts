import { LoginInputSchema, RefreshInputSchema } from '@sufler/shared';
import { authedProcedure, publicProcedure, router } from '../../trpc/init';
import { toUser } from '../users/user.service';
import { UserEntity } from '../users/user.entity';

export const authRouter = router({
  // The caller's address feeds the per-address throttle of failed logins and refreshes (issue 12).
  login: publicProcedure
    .input(LoginInputSchema)
    .mutation(({ ctx, input }) => ctx.deps.auth.login(ctx.em, input, { address: ctx.clientAddress })),
  refresh: publicProcedure
    .input(RefreshInputSchema)
    .mutation(({ ctx, input }) => ctx.deps.auth.refresh(ctx.em, input.refreshToken, { address: ctx.clientAddress })),
  logout: publicProcedure.input(RefreshInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.deps.auth.logout(ctx.em, input.refreshToken);
    return { ok: true as const };
  }),
  me: authedProcedure.query(async ({ ctx }) => toUser(await ctx.em.findOneOrFail(UserEntity, { id: ctx.actor.id }))),
});
