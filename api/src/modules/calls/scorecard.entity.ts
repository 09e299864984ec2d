import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ScorecardCriterion } from '@sufler/shared';
import { UserEntity } from '../users/user.entity';

/** One version of a scorecard template; the newest version of a key is the one new calls get. */
export const ScorecardEntity = defineEntity({
  name: 'Scorecard',
  tableName: 'scorecard',
  properties: {
    key: p.string().length(40).primary(),
    version: p.integer().primary(),
    name: p.string().length(120),
    description: p.text(),
    criteria: p.json<ScorecardCriterion[]>(),
    builtIn: p.boolean(),
    createdBy: () => p.manyToOne(UserEntity).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ScorecardRow = InferEntity<typeof ScorecardEntity>;
