import { KnowledgeSearchInputSchema } from '@sufler/shared';
import { authedProcedure, router } from '../../trpc/init';

export const knowledgeRouter = router({
  /** Searches the knowledge pack the way retrieval does (keywords and vectors), for the rep to look things up. */
  search: authedProcedure.input(KnowledgeSearchInputSchema).query(({ ctx, input }) => {
    const { knowledge } = ctx.deps.brain;
    return knowledge.search(input.query, input.limit);
  }),
});
