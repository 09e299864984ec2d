import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CRITERION_RESULTS, type Evidence } from '@sufler/shared';
import { EncryptedJson, EncryptedText } from '../../db/encrypted-type';
import { UserEntity } from '../users/user.entity';
import { CallEntity } from './call.entity';

/**
 * One criterion of a call's scorecard: the automatic result (LLM or phrase rules) and, next to it, a
 * reviewer's override. `result` is the one that counts, kept in a column so the dashboard can aggregate it.
 */
export const CallCriterionEntity = defineEntity({
  name: 'CallCriterion',
  tableName: 'call_criterion',
  uniques: [{ properties: ['call', 'criterionId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    call: () => p.manyToOne(CallEntity).deleteRule('cascade'),
    scorecardKey: p.string().length(40),
    scorecardVersion: p.integer(),
    criterionId: p.string().length(60),
    autoResult: p.enum([...CRITERION_RESULTS]),
    source: p.enum(['llm', 'rules']),
    /** The quoted words and the rationale: they quote the call, so they are encrypted. */
    evidence: p.json<{ evidence: Evidence | null; rationale: string | null }>().type(EncryptedJson),
    overrideResult: p.enum([...CRITERION_RESULTS]).nullable(),
    overrideComment: p.text().type(EncryptedText).nullable(),
    overrideBy: () => p.manyToOne(UserEntity).nullable(),
    overrideAt: p.datetime().nullable(),
    result: p.enum([...CRITERION_RESULTS]),
  },
});
export type CallCriterionRow = InferEntity<typeof CallCriterionEntity>;
