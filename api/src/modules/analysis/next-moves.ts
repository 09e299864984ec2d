import { createHash } from 'node:crypto';
import { chooseNextMoves, type KnowledgePack, type ProducedBy, type Signal, type Suggestion } from '@sufler/shared';
import { z } from 'zod';
import { generateObject } from '../llm/generate-object';
import { LlmStreamBrokenError, type ChatModel } from '../llm/ports';
import { createChannel } from './channel';
import { createJsonArrayStream } from './json-array-stream';
import { SuggestionDraftSchema, SuggestionsOutputSchema, type SuggestionDraft } from './llm-outputs';
import { suggestionsMessages, type PromptContext } from './prompts';

export const NEXT_MOVES = 4;

export type NextMovesRequest = {
  ctx: PromptContext & { scores: NonNullable<PromptContext['scores']> };
  activeModules: Parameters<typeof chooseNextMoves>[0]['activeModules'];
  /** Ids shown before in the session, and their texts (for the model's "do not repeat" list). */
  shown: ReadonlySet<string>;
  shownTexts: string[];
  /** The signals of the observation the moves are for, read on its own: its objections come first. */
  latest: Signal[];
  signal?: AbortSignal;
};

/** A model's move gets an id from its text, so the same words always carry the same id. */
const idOf = (text: string) => `llm:${createHash('sha256').update(text.trim().toLowerCase()).digest('hex').slice(0, 16)}`;

const toSuggestion = (draft: SuggestionDraft): Suggestion => ({ id: idOf(draft.text), ...draft });

/**
 * The 4 next moves, yielded one by one as they are ready. With a model: streamed from it, each
 * move validated as it completes; missing ones are asked for once more, then filled from the
 * playbooks. Without one (or when it fails): all four from the playbooks (rules mode). Returns
 * which mode produced them.
 */
export async function* generateNextMoves(
  pack: KnowledgePack,
  llm: ChatModel | null,
  request: NextMovesRequest,
  offline: string,
): AsyncGenerator<Suggestion, ProducedBy> {
  const taken = new Set<string>();
  const accept = (s: Suggestion) => {
    if (taken.size >= NEXT_MOVES || taken.has(s.id)) return false;
    taken.add(s.id);
    return true;
  };
  // A model may repeat a move shown earlier despite being told not to: drop it.
  const acceptNew = (s: Suggestion) => !request.shown.has(s.id) && accept(s);
  let producedBy: ProducedBy = { mode: 'rules', model: null, reason: offline };

  if (llm) {
    let broken: LlmStreamBrokenError | undefined;
    const channel = createChannel<Suggestion>();
    const parser = createJsonArrayStream();
    const call = llm
      .chat({
        messages: suggestionsMessages(request.ctx, request.shownTexts.slice(-16)),
        format: z.toJSONSchema(SuggestionsOutputSchema) as Record<string, unknown>,
        signal: request.signal,
        purpose: 'suggestions',
        onText: (delta) => {
          for (const raw of parser.push(delta)) {
            const draft = SuggestionDraftSchema.safeParse(raw);
            if (draft.success) channel.push(toSuggestion(draft.data));
          }
        },
      })
      .then(
        (result) => {
          producedBy = { mode: 'llm', model: result.model };
          channel.close();
        },
        (error: unknown) => {
          if (error instanceof Error && error.name === 'AbortError') channel.close(error);
          else {
            producedBy = { mode: 'rules', model: null, reason: error instanceof Error ? error.message : String(error) };
            if (error instanceof LlmStreamBrokenError) broken = error;
            channel.close();
          }
        },
      );
    const given: string[] = [];
    for await (const suggestion of channel) {
      if (!acceptNew(suggestion)) continue;
      given.push(suggestion.text);
      yield suggestion;
    }
    await call;

    if (producedBy.mode === 'llm' && taken.size < NEXT_MOVES) {
      // One repair: ask for exactly the missing ones.
      const missing = NEXT_MOVES - taken.size;
      const repaired = await generateObject(llm, SuggestionsOutputSchema, {
        // The moves just given are in the "do not repeat" list too, or the model would give them again.
        messages: suggestionsMessages(request.ctx, [...request.shownTexts.slice(-16), ...given], missing),
        signal: request.signal,
        purpose: 'suggestions-repair',
      });
      if (repaired.ok) {
        for (const draft of repaired.value.suggestions) {
          const suggestion = toSuggestion(draft);
          if (acceptNew(suggestion)) yield suggestion;
        }
      }
      if (taken.size < NEXT_MOVES) producedBy = { ...producedBy, reason: `${NEXT_MOVES - taken.size} of ${NEXT_MOVES} from the playbooks` };
    }
    if (broken && taken.size > 0) {
      // No repair after a break (a stalled model would make the rep wait twice), but the moves that
      // arrived before it are the model's: say so, and how many the playbooks fill.
      const missing = NEXT_MOVES - taken.size;
      producedBy = { mode: 'llm', model: broken.model, ...(missing > 0 && { reason: `${broken.message}; ${missing} of ${NEXT_MOVES} from the playbooks` }) };
    }
  }

  if (taken.size < NEXT_MOVES) {
    const fill = chooseNextMoves(
      {
        archetypes: pack.archetypes,
        modules: pack.modules,
        distribution: request.ctx.archetypes,
        signals: request.ctx.signals,
        activeModules: request.activeModules,
        readiness: request.ctx.scores.readiness.value,
        funDriveRisk: request.ctx.scores.funDriveRisk.value,
        language: request.ctx.language,
        exclude: new Set([...request.shown, ...taken]),
        latest: request.latest,
      },
      NEXT_MOVES - taken.size,
    );
    for (const suggestion of fill) if (accept(suggestion)) yield suggestion;
  }
  return producedBy;
}
