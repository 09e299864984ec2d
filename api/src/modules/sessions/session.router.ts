import {
  ByIdInputSchema,
  SessionEndInputSchema,
  SessionListInputSchema,
  SessionStartInputSchema,
} from '@sufler/shared';
import { authedProcedure, router } from '../../trpc/init';
import { endSession, getSession, listSessions, startSession } from './session.service';

export const sessionsRouter = router({
  start: authedProcedure.input(SessionStartInputSchema).mutation(({ ctx, input }) => startSession(ctx.em, ctx.actor, input.clientId)),
  end: authedProcedure.input(SessionEndInputSchema).mutation(({ ctx, input }) => endSession(ctx.em, ctx.actor, input.id, input.summary)),
  list: authedProcedure.input(SessionListInputSchema).query(({ ctx, input }) => listSessions(ctx.em, ctx.actor, input.clientId)),
  get: authedProcedure.input(ByIdInputSchema).query(({ ctx, input }) => getSession(ctx.em, ctx.actor, input.id)),
});
