import { z } from 'zod';
import { LlmStreamBrokenError, LlmUnavailableError, type ChatModel, type ChatRequest } from './ports';

export type GenerateObjectResult<T> = { ok: true; value: T; model: string } | { ok: false; reason: string };

/**
 * Asks for an answer shaped by `schema` and validates it: `format` is only a hint to the model
 * (not every backend enforces it), so the answer is parsed and checked here. One invalid answer
 * gets one repair turn quoting the errors; a second one is given up as `ok: false`.
 * An unavailable model chain is `ok: false` too; an abort and our own bugs are thrown.
 */
export async function generateObject<T>(
  model: ChatModel,
  schema: z.ZodType<T>,
  request: Omit<ChatRequest, 'format'>,
): Promise<GenerateObjectResult<T>> {
  const format = toOllamaFormat(schema);
  let messages = request.messages;
  let problem = '';
  for (let turn = 0; turn < 2; turn++) {
    let answer;
    try {
      answer = await model.chat({ ...request, messages, format });
    } catch (error) {
      if (error instanceof LlmUnavailableError || error instanceof LlmStreamBrokenError) {
        return { ok: false, reason: error.message };
      }
      throw error;
    }
    const checked = validate(schema, answer.text);
    if (checked.ok) return { ok: true, value: checked.value, model: answer.model };
    problem = checked.problem;
    messages = [
      ...request.messages,
      { role: 'assistant', content: answer.text },
      {
        role: 'user',
        content: `Your answer cannot be used: ${problem}. Reply with the corrected JSON object only, following the schema, without any other text.`,
      },
    ];
  }
  return { ok: false, reason: `invalid answer after one repair: ${problem}` };
}

/**
 * The JSON schema for Ollama's `format`. Ollama turns it into a grammar and ignores keywords it
 * does not know; `$schema` is dropped all the same, as it says nothing about the answer.
 */
export function toOllamaFormat(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>;
  return jsonSchema;
}

function validate<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = parseJsonAnswer(text);
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
  return { ok: false, problem: `the JSON does not match the schema (${issues.join('; ')})` };
}

/**
 * The JSON value in a model's answer. Models wrap it in ```json fences or in a sentence despite
 * being told not to, so this takes the whole text, else a fenced block, else the longest balanced
 * `{…}` or `[…]` that parses. Throws a `SyntaxError` naming the problem when there is none.
 */
export function parseJsonAnswer(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) throw new SyntaxError('the answer is empty');
  const direct = tryParse(trimmed);
  if (direct.ok) return direct.value;
  for (const match of trimmed.matchAll(/```[a-zA-Z]*[^\S\n]*\n?([\s\S]*?)```/g)) {
    const fenced = tryParse(match[1]!.trim());
    if (fenced.ok) return fenced.value;
  }
  // The longest balanced value wins, so "see [1]: {…}" gives the object, not the footnote.
  let best: { value: unknown; length: number } | undefined;
  for (let start = 0, tries = 0; start < trimmed.length && tries < 50; start++) {
    const char = trimmed[start];
    if (char !== '{' && char !== '[') continue;
    tries++;
    const end = balancedEnd(trimmed, start);
    if (end === -1) continue;
    const candidate = tryParse(trimmed.slice(start, end + 1));
    if (!candidate.ok) continue;
    if (!best || end + 1 - start > best.length) best = { value: candidate.value, length: end + 1 - start };
    start = end;
  }
  if (best) return best.value;
  throw new SyntaxError('the answer holds no valid JSON object');
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Index of the bracket closing the one at `start`, skipping brackets inside strings; -1 if none. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
