import {
  ByIdInputSchema,
  ClientCreateInputSchema,
  ClientListInputSchema,
  ClientUpdateInputSchema,
} from '@sufler/shared';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';
import { getClientHistory } from './client-history.service';
import {
  createClient,
  eraseClient,
  getClient,
  listClients,
  setClientArchived,
  updateClient,
} from './client.service';

export const clientsRouter = router({
  create: authedProcedure.input(ClientCreateInputSchema).mutation(({ ctx, input }) => createClient(ctx.em, ctx.actor, input)),
  list: authedProcedure.input(ClientListInputSchema).query(({ ctx, input }) => listClients(ctx.em, ctx.actor, input)),
  get: authedProcedure.input(ByIdInputSchema).query(({ ctx, input }) => getClient(ctx.em, ctx.actor, input.id)),
  /** The client file: sessions with observation counts, running key facts and summary. */
  history: authedProcedure.input(ByIdInputSchema).query(({ ctx, input }) => getClientHistory(ctx.em, ctx.actor, input.id)),
  update: authedProcedure.input(ClientUpdateInputSchema).mutation(({ ctx, input }) => updateClient(ctx.em, ctx.actor, input)),
  archive: authedProcedure
    .input(ByIdInputSchema)
    .mutation(({ ctx, input }) => setClientArchived(ctx.em, ctx.actor, input.id, true)),
  unarchive: authedProcedure
    .input(ByIdInputSchema)
    .mutation(({ ctx, input }) => setClientArchived(ctx.em, ctx.actor, input.id, false)),
  /** Erasure is irreversible, so it is kept for those accountable for the data. */
  erase: roleProcedure('manager', 'admin')
    .input(ByIdInputSchema)
    .mutation(({ ctx, input }) => eraseClient(ctx.em, ctx.actor, input.id, (tx, clientId) => ctx.deps.calls.eraseClientCalls(tx, clientId))),
});
