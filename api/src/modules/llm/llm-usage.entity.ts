import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Tokens a model used on one (UTC) day: for the daily limit and the admin's view of cost. */
export const LlmUsageEntity = defineEntity({
  name: 'LlmUsage',
  tableName: 'llm_usage',
  properties: {
    day: p.string().length(10).primary(),
    model: p.string().length(200).primary(),
    tokens: p.bigint('number'),
  },
});
export type LlmUsageRow = InferEntity<typeof LlmUsageEntity>;
