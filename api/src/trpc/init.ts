import { initTRPC, TRPCError } from '@trpc/server';
import type { Role } from '@sufler/shared';
import { DomainError } from '../errors';
import type { Actor } from '../modules/actor';
import type { Context } from './context';
import { formatError, toTrpcError } from './error-formatter';

/**
 * Who may call a procedure. Every procedure declares it through the builder it starts from;
 * `authorization.test.ts` checks the whole router against its expected matrix.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];
export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({ errorFormatter: formatError });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Forks the EntityManager for this call (the WebSocket adapter creates context once per connection). */
const base = t.procedure.use(async ({ ctx, next }) => {
  const result = await next({ ctx: { em: ctx.deps.orm.em.fork() } });
  if (!result.ok && result.error.cause instanceof DomainError) throw toTrpcError(result.error.cause);
  return result;
});

export const publicProcedure = base.meta({ access: 'public' });

export const authedProcedure = base.meta({ access: 'authenticated' }).use(async ({ ctx, next }) => {
  if (!ctx.accessToken) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Log in first' });
  const claims = await ctx.deps.accessTokens.verify(ctx.accessToken).catch((e: DomainError) => {
    throw toTrpcError(e);
  });
  const user = await ctx.deps.auth.activeUser(ctx.em, claims.userId);
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Account disabled or removed' });
  const actor: Actor = { id: user.id, role: user.role };
  return next({ ctx: { actor } });
});

/** Only the given roles; everyone else gets FORBIDDEN. */
export const roleProcedure = (...roles: Role[]) =>
  authedProcedure.meta({ access: roles }).use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${roles.join(' or ')} may do this` });
    }
    return next();
  });
