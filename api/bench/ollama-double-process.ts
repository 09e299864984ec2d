/**
 * The Ollama double for `npm run bench`, run as its own process (prints its URL on stdout): it
 * answers the analysis and next-move prompts with valid JSON after a fixed first-byte latency.
 */
import { QualitativeAnalysisSchema, SuggestionsOutputSchema } from '../src/modules/analysis/llm-outputs';
import { startOllamaDouble } from '../test/doubles/ollama-double';

export const BENCH_LATENCY_MS = 25;

if (import.meta.url === `file://${process.argv[1]}`) {
  const ollama = await startOllamaDouble({ models: ['bench:1'] });
  let n = 0;
  ollama.setDefault({
    firstByteDelayMs: BENCH_LATENCY_MS,
    reply: (chat) => {
      const properties = (chat.format as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
      if ('suggestions' in properties) {
        const kinds = ['question', 'argument', 'objection_handling', 'close'] as const;
        return JSON.stringify(
          SuggestionsOutputSchema.parse({
            suggestions: kinds.map((kind, i) => ({ kind, text: `Ruch ${i}, wariant ${n++}`, rationale: 'Wynika z rozmowy.', basedOn: ['archetype:family_guardian'] })),
          }),
        );
      }
      const note = chat.messages.at(-1)?.content ?? '';
      const quote = /dzieci|za drogo|leasing|weekend/.exec(note)?.[0] ?? 'a';
      return JSON.stringify(
        QualitativeAnalysisSchema.parse({ signals: [{ id: 'family_needs', strength: 0.7, evidence: quote }], sentiment: { score: 0.2, label: 'positive' }, summary: 'Klient rodzinny.' }),
      );
    },
  });
  // The double recorded every request; a bench makes thousands, so forget them as it goes.
  setInterval(() => ollama.requests.splice(0), 1000).unref();
  process.stdout.write(`${ollama.url}\n`);
}
