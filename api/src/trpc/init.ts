import { initTRPC, TRPCError } from '@trpc/server';
import type { Role } from '@sufler/shared';
import { DomainError } from '../errors';
import type { Actor } from '../modules/actor';
import type { AppDeps, Context } from './context';
import type { EntityManager } from '@mikro-orm/postgresql';
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

/**
 * Who a bearer token belongs to, for tRPC and for the plain HTTP routes alike: a valid token of an active
 * user, else an UNAUTHENTICATED DomainError.
 */
export async function authenticate(deps: AppDeps, em: EntityManager, token: string | null): Promise<Actor> {
  if (!token) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  const claims = await deps.accessTokens.verify(token);
  const user = await deps.auth.activeUser(em, claims.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Account disabled or removed');
  return { id: user.id, role: user.role };
}

export const authedProcedure = base.meta({ access: 'authenticated' }).use(async ({ ctx, next }) => {
  const actor = await authenticate(ctx.deps, ctx.em, ctx.accessToken).catch((e: DomainError) => {
    throw toTrpcError(e);
  });
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
