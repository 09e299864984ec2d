import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CALL_STAGES, STAGE_STATES } from '@sufler/shared';
import { EncryptedText } from '../../db/encrypted-type';
import { CallEntity } from './call.entity';

/** One processing stage of one call: its state, progress, attempts and last error. */
export const CallStageEntity = defineEntity({
  name: 'CallStage',
  tableName: 'call_stage',
  properties: {
    call: () => p.manyToOne(CallEntity).primary().deleteRule('cascade'),
    stage: p.enum([...CALL_STAGES]).primary(),
    state: p.enum([...STAGE_STATES]).default('pending'),
    progress: p.double().default(0),
    attempts: p.integer().default(0),
    errorCode: p.string().length(60).nullable(),
    errorMessage: p.text().nullable(),
    /** May quote the call (the cues that told the consultant apart): encrypted like the transcript. */
    note: p.text().type(EncryptedText).nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type CallStageRow = InferEntity<typeof CallStageEntity>;
