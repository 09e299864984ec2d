import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { InteractionEntity } from '../sessions/interaction.entity';
import { UserEntity } from '../users/user.entity';

export const FeedbackEntity = defineEntity({
  name: 'Feedback',
  tableName: 'feedback',
  uniques: [{ properties: ['interaction', 'suggestionId', 'user'] }],
  checks: [{ name: 'feedback_rating_check', expression: 'abs(rating) = 1' }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    interaction: () => p.manyToOne(InteractionEntity).deleteRule('cascade'),
    suggestionId: p.string().length(100),
    rating: p.smallint(),
    comment: p.text().nullable(),
    user: () => p.manyToOne(UserEntity).deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type FeedbackRow = InferEntity<typeof FeedbackEntity>;
