import {
  hasLeader,
  StrategySchema,
  type ArchetypeScore,
  type KnowledgePack,
  type Language,
  type ProducedBy,
  type Strategy,
} from '@sufler/shared';
import { generateObject } from '../llm/generate-object';
import type { ChatModel } from '../llm/ports';
import { SummaryOutputSchema } from './llm-outputs';
import { chatMessages, strategyMessages, summaryMessages, type PromptContext } from './prompts';

/**
 * The full strategy (the seed's five tabs). From the model when it answers valid JSON; otherwise
 * assembled from the leading archetypes' playbooks (rules mode).
 */
export async function buildStrategy(
  pack: KnowledgePack,
  llm: ChatModel | null,
  ctx: PromptContext,
  offline: string,
  signal?: AbortSignal,
): Promise<{ strategy: Strategy; producedBy: ProducedBy }> {
  let reason = offline;
  if (llm) {
    const answer = await generateObject(llm, StrategySchema, { messages: strategyMessages(ctx), signal, purpose: 'strategy' });
    if (answer.ok) return { strategy: answer.value, producedBy: { mode: 'llm', model: answer.model } };
    reason = answer.reason;
  }
  return { strategy: playbookStrategy(pack, ctx.archetypes, ctx.language), producedBy: { mode: 'rules', model: null, reason } };
}

/** Rules-mode strategy: the leader's playbook, with the runner-up's questions and objections added. */
export function playbookStrategy(pack: KnowledgePack, ranked: ArchetypeScore[], lang: Language): Strategy {
  // Nothing known yet: the explorer's playbook (educate, qualify) fits better than an arbitrary one.
  const distribution = hasLeader(ranked)
    ? ranked
    : [...ranked].sort((a, b) => Number(b.id === 'undecided_explorer') - Number(a.id === 'undecided_explorer'));
  const [leader, second] = distribution.slice(0, 2).map((d) => pack.archetypes.find((a) => a.id === d.id)!);
  const both = second && distribution[1]!.probability >= 0.15 ? [leader!, second] : [leader!];
  const book = leader!.playbook;
  return {
    summary: {
      text: `${leader!.name[lang]} (${Math.round(distribution[0]!.probability * 100)}%): ${leader!.description[lang]}`,
      motivations: leader!.motivations[lang],
    },
    phrasesAndStyle: { keyPhrases: leader!.keyPhrases[lang], style: leader!.style[lang] },
    script: {
      steps: [book.questions[0]!, book.arguments[0]!, book.arguments[1] ?? book.arguments[0]!, book.closing[0]!].map((l) => l[lang]),
      nextSteps: book.nextSteps.map((l) => l[lang]),
    },
    objections: both.flatMap((a) => a.playbook.objections.map((o) => ({ objection: o.objection[lang], response: o.response[lang] }))),
    qualifyingQuestions: both.flatMap((a) => a.playbook.questions.map((q) => q[lang])),
  };
}

/**
 * The advisor's answer in the strategic chat, streamed through `onText`. Without a model the
 * answer says so and offers the playbook's best lines for the leading archetype instead.
 */
export async function answerChat(
  pack: KnowledgePack,
  llm: ChatModel | null,
  input: { ctx: PromptContext; history: { question: string; answer: string }[]; question: string },
  onText: (delta: string) => void,
  offline: string,
  signal?: AbortSignal,
): Promise<{ text: string; producedBy: ProducedBy }> {
  let reason = offline;
  if (llm) {
    let shown = false;
    try {
      const result = await llm.chat({
        messages: chatMessages(input.ctx, input.history, input.question),
        signal,
        purpose: 'chat',
        onText: (delta) => {
          shown = true;
          onText(delta);
        },
      });
      return { text: result.text, producedBy: { mode: 'llm', model: result.model } };
    } catch (error) {
      if (shown || (error instanceof Error && error.name === 'AbortError')) throw error;
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  const text = rulesAnswer(pack, input.ctx);
  onText(text);
  return { text, producedBy: { mode: 'rules', model: null, reason } };
}

function rulesAnswer(pack: KnowledgePack, ctx: PromptContext): string {
  const lang = ctx.language;
  const leader = pack.archetypes.find((a) => a.id === ctx.archetypes[0]?.id) ?? pack.archetypes[0]!;
  const intro =
    lang === 'pl'
      ? `Model językowy jest teraz niedostępny, więc odpowiadam z podręcznika (tryb reguł). Klient najbardziej przypomina archetyp „${leader.name.pl}”.`
      : `The language model is unavailable right now, so this answer comes from the playbook (rules mode). The client looks most like "${leader.name.en}".`;
  const lines = [
    intro,
    `${lang === 'pl' ? 'Styl' : 'Style'}: ${leader.style[lang]}`,
    `${lang === 'pl' ? 'Zapytaj' : 'Ask'}: ${leader.playbook.questions[0]![lang]}`,
    `${lang === 'pl' ? 'Argument' : 'Argument'}: ${leader.playbook.arguments[0]![lang]}`,
    ...ctx.passages.slice(0, 2).map((p) => `${lang === 'pl' ? 'Z bazy wiedzy' : 'From the knowledge base'}: ${p.text} (${p.source})`),
  ];
  return lines.join('\n');
}

/**
 * Folds observations into the running summary. Rules mode keeps the previous summary and appends
 * the observations' first sentences, trimmed to fit.
 */
export async function summarize(
  llm: ChatModel | null,
  previous: string | null,
  observations: string[],
  language: Language,
  signal?: AbortSignal,
): Promise<{ summary: string; producedBy: ProducedBy }> {
  if (llm) {
    const answer = await generateObject(llm, SummaryOutputSchema, {
      messages: summaryMessages(previous, observations, language),
      signal,
      purpose: 'summary',
    });
    if (answer.ok) return { summary: answer.value.summary, producedBy: { mode: 'llm', model: answer.model } };
  }
  const lines = previous ? previous.split('\n') : [];
  for (const observation of observations) {
    const first = (observation.split(/(?<=[.!?])\s/)[0] ?? observation).slice(0, 240);
    if (!lines.includes(first)) lines.push(first);
  }
  const summary = lines.join('\n').slice(-4000);
  return { summary, producedBy: { mode: 'rules', model: null } };
}
