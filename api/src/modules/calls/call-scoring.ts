import type { EntityManager } from '@mikro-orm/postgresql';
import {
  evaluateScorecardRules,
  scoreCall,
  type CallScore,
  type CriterionEvaluation,
  type CriterionOverride,
  type Scorecard,
} from '@sufler/shared';
import { CallCriterionEntity, type CallCriterionRow } from './call-criterion.entity';
import { findSegments } from './call-segment.entity';
import type { CallRow } from './call.entity';
import { evaluateScorecardWithLlm } from './llm/evaluate-scorecard-with-llm';
import { getScorecard } from './scorecards.service';
import type { Logger } from '../../logger';
import type { ChatModel } from '../llm/ports';

/**
 * The LLM is an aid: any failure of it other than the stage being aborted (a request the model refuses,
 * say) leaves the phrase rules in charge, with a warning, rather than failing the stage.
 */
export async function rulesOnError<T>(ask: () => Promise<T | null>, signal?: AbortSignal, logger?: Logger): Promise<T | null> {
  try {
    return await ask();
  } catch (error) {
    if (signal?.aborted) throw error;
    logger?.warn({ err: error }, 'the model failed on a call: phrase rules used instead');
    return null;
  }
}

/**
 * Evaluates the call on its scorecard (the newest version): the LLM where it answers with quotes that
 * are really in the transcript, the phrase rules for every other criterion. Reviewers' overrides of a
 * criterion that still exists are kept; the total is recomputed.
 */
export async function scoreCallNow(
  em: EntityManager,
  call: CallRow,
  { llm, signal, logger }: { llm: ChatModel | null; signal?: AbortSignal; logger?: Logger },
): Promise<{ note: string | null }> {
  const card = await getScorecard(em, call.scorecardKey);
  const segments = (await findSegments(em, call.id)).map((s) => ({
    id: s.id,
    speaker: s.speaker ?? null,
    startMs: s.startMs,
    text: s.text,
  }));
  const previous = await em.find(CallCriterionEntity, { call: call.id });
  if (!segments.some((s) => s.text.trim())) {
    for (const row of previous) em.remove(row);
    call.score = null;
    call.autoFailed = false;
    return { note: 'Nothing to score yet: the transcript has no text' };
  }
  const rules = evaluateScorecardRules(card, segments);
  const fromLlm = llm ? await rulesOnError(() => evaluateScorecardWithLlm(llm, card, segments, signal), signal, logger) : null;
  const byLlm = new Map((fromLlm ?? []).map((e) => [e.criterionId, e]));
  const evaluations = rules.map((r) => byLlm.get(r.criterionId) ?? r);

  const kept = new Map(previous.map((row) => [row.criterionId, row]));
  for (const row of previous) if (!card.criteria.some((c) => c.id === row.criterionId)) em.remove(row);
  for (const evaluation of evaluations) {
    const row = kept.get(evaluation.criterionId);
    const values = {
      scorecardKey: card.key,
      scorecardVersion: card.version,
      autoResult: evaluation.result,
      source: evaluation.source,
      evidence: { evidence: evaluation.evidence, rationale: evaluation.rationale },
    };
    // Plain assignment: `em.assign` checks the encrypted column's database type (text) against the object.
    if (row) Object.assign(row, values, { result: row.overrideResult ?? evaluation.result });
    else em.create(CallCriterionEntity, { ...values, call: call.id, criterionId: evaluation.criterionId, result: evaluation.result });
  }
  const score = scoreCall(card, evaluations, overridesOf([...kept.values()]));
  call.score = score.total;
  call.autoFailed = score.autoFailed;
  return { note: fromLlm ? null : llm ? 'The model did not answer usably: phrase rules only' : null };
}

export function overridesOf(rows: CallCriterionRow[]): Record<string, CriterionOverride> {
  const out: Record<string, CriterionOverride> = {};
  for (const row of rows) {
    if (!row.overrideResult || !row.overrideAt) continue;
    out[row.criterionId] = {
      result: row.overrideResult,
      comment: row.overrideComment ?? '',
      byUserId: row.overrideBy?.id ?? '00000000-0000-0000-0000-000000000000',
      at: row.overrideAt.toISOString(),
    };
  }
  return out;
}

export const evaluationsOf = (rows: CallCriterionRow[]): CriterionEvaluation[] =>
  rows.map((row) => ({
    criterionId: row.criterionId,
    result: row.autoResult,
    source: row.source,
    evidence: row.evidence.evidence,
    rationale: row.evidence.rationale,
  }));

/** The stored evaluation as the reviewer sees it, on the scorecard version it was made with. */
export async function storedScore(em: EntityManager, call: CallRow): Promise<CallScore | null> {
  const rows = await em.find(CallCriterionEntity, { call: call.id });
  if (!rows.length) return null;
  const card: Scorecard = await getScorecard(em, rows[0]!.scorecardKey, rows[0]!.scorecardVersion);
  return scoreCall(card, evaluationsOf(rows), overridesOf(rows));
}
