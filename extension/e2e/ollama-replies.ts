import { StrategySchema } from '@sufler/shared';
import type { ChatCall } from '../../api/test/doubles/ollama-double';

/**
 * What the Ollama double answers in the end-to-end runs: valid JSON for every structured prompt (told apart
 * by the JSON schema in `format`, as the API sends it) and plain prose for the strategic chat. Every text
 * carries a marker, so a test can tell a model's answer from the rules mode's.
 */
export const MODEL_MARK = 'e2e-model';

export function createE2eReplies(): (chat: ChatCall) => string {
  let batch = 0;
  return (chat) => {
    const properties = (chat.format as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    if ('suggestions' in properties) {
      batch++;
      const kinds = ['question', 'argument', 'objection_handling', 'close'] as const;
      return JSON.stringify({
        suggestions: kinds.map((kind, i) => ({
          kind,
          text: `Move ${i + 1} of set ${batch} (${MODEL_MARK})`,
          rationale: 'The client spoke about the children and the budget.',
          basedOn: ['archetype:family_guardian'],
        })),
      });
    }
    if ('signals' in properties) {
      const note = chat.messages.at(-1)?.content ?? '';
      const quote = /dzieci|children|isofix|budżet/i.exec(note)?.[0] ?? 'auto';
      return JSON.stringify({
        signals: [{ id: 'family_needs', strength: 0.8, evidence: quote }],
        sentiment: { score: 0.3, label: 'positive' },
        summary: `A family buyer (${MODEL_MARK}).`,
      });
    }
    if ('phrasesAndStyle' in properties) {
      return JSON.stringify(
        StrategySchema.parse({
          summary: { text: `Strategy summary (${MODEL_MARK})`, motivations: ['Safety of the children'] },
          phrasesAndStyle: { keyPhrases: ['five-star safety'], style: 'Calm and concrete.' },
          script: { steps: ['Ask about the family', 'Show the boot'], nextSteps: ['Book a test drive'] },
          objections: [{ objection: 'Too expensive', response: 'Compare the cost per month.' }],
          qualifyingQuestions: ['How many child seats do you need?'],
        }),
      );
    }
    if ('summary' in properties) return JSON.stringify({ summary: `Session summary (${MODEL_MARK}).` });
    // No schema: the strategic chat, streamed word by word by the double.
    return `Offer a test drive with two child seats fitted this weekend (${MODEL_MARK}).`;
  };
}
