import type { CriterionEvaluation, ScorecardInput, Speaker } from '@sufler/shared';
import { generateObject } from '../../llm/generate-object';
import type { ChatModel } from '../../llm/ports';
import { findQuote } from './find-quote';
import { ScorecardAnswerSchema, type ScorecardAnswer } from './llm-outputs';
import { scorecardMessages } from './scorecard-messages';

export type ScoredSegment = { id: string; speaker: Speaker | null; startMs: number; text: string };

/**
 * The model's reading of one criterion, checked against the call: the criterion must be on the
 * scorecard, and a quote must really be in the cited segment, said by the side whose words count.
 * Null drops the criterion, and the caller keeps the phrase rules' result for it.
 */
function checked(
  item: ScorecardAnswer['criteria'][number],
  criterion: ScorecardInput['criteria'][number],
  segments: readonly ScoredSegment[],
): CriterionEvaluation | null {
  const rationale = item.rationale.trim().slice(0, 600) || null;
  const quote = item.quote.trim();
  if (!quote) {
    // Met or partly needs something said; "not met" may rightly have nothing to quote.
    return item.result === 'not_met' ? { criterionId: criterion.id, result: 'not_met', evidence: null, source: 'llm', rationale } : null;
  }
  const segment = item.segmentIndex === null ? undefined : segments[item.segmentIndex];
  if (!segment || (segment.speaker !== null && segment.speaker !== criterion.side)) return null;
  const found = findQuote(quote, segment.text);
  if (found === null) return null;
  return {
    criterionId: criterion.id,
    result: item.result,
    evidence: { quote: found.slice(0, 500), atMs: segment.startMs, segmentId: segment.id },
    source: 'llm',
    rationale,
  };
}

/**
 * Evaluates a call on a scorecard with the language model, in one request: the criteria (label,
 * description, evidence examples) as instructions, the transcript as numbered lines inside an
 * `<untrusted>` block (capped for long calls: beginning and end kept). Each answer is checked:
 * unknown criteria, repeats, and quotes not found in the cited segment (folded comparison) or
 * said by the wrong side are dropped, so the caller falls back to the phrase rules for those.
 * Returns the evaluations in scorecard order (source "llm", evidence from the cited segment), or
 * null when the model is unavailable or nothing it said could be used (the caller uses rules mode).
 * An abort, and a request the model refused as malformed (our bug), are thrown.
 */
export async function evaluateScorecardWithLlm(
  llm: ChatModel,
  scorecard: ScorecardInput,
  segments: readonly ScoredSegment[],
  signal?: AbortSignal,
): Promise<CriterionEvaluation[] | null> {
  if (!segments.some((s) => s.text.trim())) return null;
  const answer = await generateObject(llm, ScorecardAnswerSchema, {
    messages: scorecardMessages(scorecard, segments),
    purpose: 'call-scorecard',
    ...(signal && { signal }),
  });
  if (!answer.ok) return null;
  const byId = new Map(scorecard.criteria.map((c) => [c.id, c]));
  const evaluations = new Map<string, CriterionEvaluation>();
  const seen = new Set<string>();
  for (const item of answer.value.criteria) {
    const criterion = byId.get(item.criterionId.trim());
    // A criterion answered twice keeps its first answer, usable or not.
    if (!criterion || seen.has(criterion.id)) continue;
    seen.add(criterion.id);
    const evaluation = checked(item, criterion, segments);
    if (evaluation) evaluations.set(criterion.id, evaluation);
  }
  const ordered = scorecard.criteria.map((c) => evaluations.get(c.id)).filter((e): e is CriterionEvaluation => e !== undefined);
  return ordered.length ? ordered : null;
}
