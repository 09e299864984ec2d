import { createInterface } from 'node:readline';
import { type Analysis, type Language } from '@sufler/shared';
import { z } from 'zod';
import { createMemoryUsageStore } from '../adapters/ollama/llm-gateway';
import { createBrain } from '../brain';
import type { Env } from '../env';
import { createLogger } from '../logger';
import type { Analyzer, SessionState } from '../modules/analysis/analyzer';

const LineSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string().trim().min(1).max(20_000) });

const emptySession = (): SessionState => ({ history: [], keyFacts: {}, summary: null, shown: new Set(), shownTexts: [] });

async function analyze(analyzer: Analyzer, text: string): Promise<Analysis> {
  for await (const event of analyzer.observe(text, emptySession())) if (event.type === 'done') return event.analysis;
  throw new Error('analysis ended without a result');
}

/** The machine-readable shape of one analysis (`--json`, `--jsonl`). */
const toRecord = (analysis: Analysis) => ({
  mode: analysis.mode,
  model: analysis.model,
  producedBy: analysis.producedBy,
  language: analysis.language,
  archetypes: analysis.archetypes,
  modules: analysis.modules,
  entities: analysis.entities,
  sentiment: analysis.sentiment,
  signals: analysis.signals,
  scores: analysis.scores,
  suggestions: analysis.suggestions,
  knowledge: analysis.knowledge.map((k) => ({ id: k.id, score: k.score, source: k.source })),
});

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/**
 * `sufler analyze`: the same pipeline as the API, without a database (knowledge searched in
 * memory). Text from the arguments or stdin; `--jsonl` reads `{"id","text"}` lines and writes one
 * result per line, a bad line answered with `{"id","error"}` (exit code 1 at the end).
 */
export async function runAnalyze(env: Env, words: string[], options: { json?: boolean; jsonl?: boolean }): Promise<number> {
  const logger = createLogger(env, 'stderr');
  const brain = await createBrain(env, { logger, usage: createMemoryUsageStore() });
  const { analyzer } = brain;

  if (options.jsonl) {
    let failures = 0;
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      let id: string | null = null;
      try {
        const raw: unknown = JSON.parse(line);
        id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : null;
        const input = LineSchema.parse(raw);
        process.stdout.write(`${JSON.stringify({ id: input.id, ...toRecord(await analyze(analyzer, input.text)) })}\n`);
      } catch (error) {
        failures++;
        const message = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') : (error as Error).message;
        process.stdout.write(`${JSON.stringify({ id, error: message })}\n`);
      }
    }
    return failures ? 1 : 0;
  }

  const text = (words.length ? words.join(' ') : await readStdin()).trim();
  if (!text) {
    console.error('Nothing to analyse: give the text as an argument or on stdin.');
    return 1;
  }
  const analysis = await analyze(analyzer, text);
  process.stdout.write(options.json ? `${JSON.stringify(toRecord(analysis), null, 2)}\n` : formatAnalysis(analysis, brain.analyzer));
  return 0;
}

const pct = (p: number) => `${Math.round(p * 100)}%`.padStart(4);

/** A human-readable report, in the language of the note. */
function formatAnalysis(analysis: Analysis, analyzer: Analyzer): string {
  const lang: Language = analysis.language;
  const names = analyzer.named(analysis.archetypes, lang);
  const pl = lang === 'pl';
  const lines = [
    `${pl ? 'Tryb' : 'Mode'}: ${analysis.mode}${analysis.model ? ` (${analysis.model})` : ''}   ${pl ? 'język' : 'language'}: ${lang}`,
    '',
    pl ? 'Archetypy:' : 'Archetypes:',
    ...names.slice(0, 4).map((a) => `  ${pct(a.probability)}  ${a.name}${a.evidence.length ? `  ← ${a.evidence.slice(0, 3).join(', ')}` : ''}`),
    '',
    `${pl ? 'Moduły' : 'Modules'}: ${analysis.modules.join(', ') || '—'}`,
    `${pl ? 'Fakty' : 'Facts'}: ${analysis.entities.map((e) => `${e.kind}=${e.value}`).join('; ') || '—'}`,
    '',
    ...Object.entries(analysis.scores).map(
      ([id, s]) => `  ${id.padEnd(13)} ${String(s.value).padStart(3)}  ${s.rules.slice(0, 3).map((r) => `${r.label} (${r.points > 0 ? '+' : ''}${r.points})`).join('; ')}`,
    ),
    '',
    pl ? 'Następne ruchy:' : 'Next moves:',
    ...analysis.suggestions.map((s, i) => `  ${i + 1}. [${s.kind}] ${s.text}\n     ${s.rationale}`),
  ];
  return `${lines.join('\n')}\n`;
}
