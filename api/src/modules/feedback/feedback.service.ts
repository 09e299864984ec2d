import type { EntityManager } from '@mikro-orm/postgresql';
import type { Feedback, FeedbackRateInput } from '@sufler/shared';
import { notFound } from '../../errors';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { InteractionEntity } from '../sessions/interaction.entity';
import { allSuggestions, observationResponse } from '../analysis/session-state';
import { findVisibleSession } from '../sessions/session.service';
import { FeedbackEntity, type FeedbackRow } from './feedback.entity';

const toFeedback = (row: FeedbackRow): Feedback => ({
  id: row.id,
  interactionId: row.interaction.id,
  suggestionId: row.suggestionId,
  rating: row.rating === 1 ? 1 : -1,
  comment: row.comment ?? null,
  userId: row.user.id,
  createdAt: row.createdAt,
});

/** Records the actor's rating of one suggestion; rating the same suggestion again replaces it. */
export async function rateSuggestion(em: EntityManager, actor: Actor, input: FeedbackRateInput): Promise<Feedback> {
  const interaction = await em.findOne(InteractionEntity, { id: input.interactionId });
  if (!interaction) throw notFound('Interaction');
  try {
    await findVisibleSession(em, actor, interaction.session.id);
  } catch {
    throw notFound('Interaction');
  }
  // Only a move that was shown for this observation (now or before a regenerate) can be rated.
  if (!allSuggestions(observationResponse(interaction)).some((s) => s.id === input.suggestionId)) {
    throw notFound('Suggestion');
  }
  const existing = await em.findOne(FeedbackEntity, {
    interaction: input.interactionId,
    suggestionId: input.suggestionId,
    user: actor.id,
  });
  const row =
    existing ??
    em.create(FeedbackEntity, {
      interaction,
      suggestionId: input.suggestionId,
      user: actor.id,
      rating: input.rating,
    });
  row.rating = input.rating;
  row.comment = input.comment ?? null;
  audit(em, { actor, action: existing ? 'update' : 'create', entity: 'feedback', entityId: row.id });
  await em.flush();
  return toFeedback(row);
}
