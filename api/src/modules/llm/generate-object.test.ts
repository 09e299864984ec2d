import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { startOllamaDouble, type OllamaDouble } from '../../../test/doubles/ollama-double';
import { createLlmGateway, createMemoryUsageStore } from '../../adapters/ollama/llm-gateway';
import { generateObject, parseJsonAnswer, toOllamaFormat } from './generate-object';
import { LlmRequestError, LlmUnavailableError, type ChatModel, type ChatRequest } from './ports';

const NextStepSchema = z.object({
  question: z.string().min(3),
  urgency: z.enum(['low', 'high']),
});

/** A ChatModel that answers from a list and keeps what it was asked. */
function scripted(...answers: (string | Error)[]) {
  const requests: ChatRequest[] = [];
  const model: ChatModel = {
    async chat(request) {
      requests.push(request);
      const answer = answers.shift() ?? 'no more answers';
      if (answer instanceof Error) throw answer;
      return { text: answer, model: 'gpt-oss:20b', promptTokens: 1, completionTokens: 1 };
    },
  };
  return { model, requests };
}

const request = { messages: [{ role: 'user' as const, content: 'Jakie pytanie zadać?' }], purpose: 'test' };
const good = '{"question":"Jaki jest budżet?","urgency":"high"}';

describe('generateObject', () => {
  test('returns a valid answer, sending the schema as format', async () => {
    const { model, requests } = scripted(good);
    await expect(generateObject(model, NextStepSchema, request)).resolves.toEqual({
      ok: true,
      value: { question: 'Jaki jest budżet?', urgency: 'high' },
      model: 'gpt-oss:20b',
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.format).toEqual(toOllamaFormat(NextStepSchema));
  });

  test('accepts an answer in a ```json fence with prose around it', async () => {
    const { model } = scripted(`Oto odpowiedź:\n\`\`\`json\n${good}\n\`\`\`\nPowodzenia!`);
    await expect(generateObject(model, NextStepSchema, request)).resolves.toMatchObject({ ok: true });
  });

  test('repairs invalid JSON once, quoting the bad answer and the problem', async () => {
    const { model, requests } = scripted('{"question": "Jaki', good);
    await expect(generateObject(model, NextStepSchema, request)).resolves.toMatchObject({ ok: true, value: { urgency: 'high' } });
    expect(requests[1]!.messages).toEqual([
      request.messages[0],
      { role: 'assistant', content: '{"question": "Jaki' },
      { role: 'user', content: expect.stringMatching(/no valid JSON.*corrected JSON object only/) },
    ]);
    expect(requests[1]!.format).toEqual(requests[0]!.format);
  });

  test('repairs an answer that breaks the schema, naming the fields', async () => {
    const { model, requests } = scripted('{"question":"?","urgency":"soon"}', good);
    await expect(generateObject(model, NextStepSchema, request)).resolves.toMatchObject({ ok: true });
    expect(requests[1]!.messages.at(-1)!.content).toMatch(/question: Too small.*urgency: Invalid option/);
  });

  test('gives up after one failed repair', async () => {
    const { model, requests } = scripted('nie wiem', '{"question":"?"}');
    const result = await generateObject(model, NextStepSchema, request);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^invalid answer after one repair: the JSON does not match/) });
    expect(requests).toHaveLength(2);
  });

  test('an unavailable model chain is ok:false', async () => {
    const { model } = scripted(new LlmUnavailableError([{ model: 'gpt-oss:20b', reason: 'HTTP 503: busy' }]));
    await expect(generateObject(model, NextStepSchema, request)).resolves.toEqual({
      ok: false,
      reason: 'No language model answered: gpt-oss:20b (HTTP 503: busy)',
    });
  });

  test.each([
    ['an abort', new DOMException('aborted', 'AbortError')],
    ['a refused request (our bug)', new LlmRequestError('gpt-oss:20b', 400, 'invalid format')],
  ])('rethrows %s', async (_name, error) => {
    const { model } = scripted(error);
    await expect(generateObject(model, NextStepSchema, request)).rejects.toBe(error);
  });
});

describe('over the wire to an Ollama double', () => {
  let ollama: OllamaDouble;
  beforeAll(async () => {
    ollama = await startOllamaDouble({ models: ['gpt-oss:20b'] });
  });
  afterAll(() => ollama.close());

  test('format is the plain JSON schema of the zod schema', async () => {
    ollama.setDefault({ reply: (chat) => (chat.format ? good : 'no format') });
    const llm = createLlmGateway({
      host: ollama.url,
      models: ['gpt-oss:20b'],
      think: 'low',
      firstTokenTimeoutMs: 500,
      idleTimeoutMs: 500,
      breaker: { failures: 3, coolDownMs: 1_000 },
      usage: createMemoryUsageStore(),
    });
    await expect(generateObject(llm, NextStepSchema, request)).resolves.toMatchObject({ ok: true });
    expect(ollama.chats()[0]!.body).toMatchObject({
      format: {
        type: 'object',
        properties: { question: { type: 'string', minLength: 3 }, urgency: { type: 'string', enum: ['low', 'high'] } },
        required: ['question', 'urgency'],
        additionalProperties: false,
      },
    });
    expect(ollama.chats()[0]!.body).not.toHaveProperty('format.$schema');
  });
});

describe('parseJsonAnswer', () => {
  test.each([
    ['plain JSON', '{"a":1}', { a: 1 }],
    ['surrounding whitespace', '\n  {"a":1}  \n', { a: 1 }],
    ['a ```json fence', '```json\n{"a":1}\n```', { a: 1 }],
    ['a bare ``` fence', '```\n[1,2]\n```', [1, 2]],
    ['prose before and after', 'Oto wynik: {"a":{"b":[1]}} – gotowe.', { a: { b: [1] } }],
    ['braces inside strings', 'Wynik: {"a":"} nie koniec {","b":"\\"}"}', { a: '} nie koniec {', b: '"}' }],
    ['a bracket in prose before the object', 'Uwaga [1]: {"a":1}', { a: 1 }],
    ['a fence with prose around it', 'Proszę:\n```json\n{"a":true}\n```\nDziękuję', { a: true }],
  ])('reads %s', (_name, text, expected) => {
    expect(parseJsonAnswer(text)).toEqual(expected);
  });

  test.each([
    ['empty text', '  ', /empty/],
    ['prose only', 'Nie wiem, co odpowiedzieć.', /no valid JSON/],
    ['a truncated object', '{"a": [1, 2', /no valid JSON/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseJsonAnswer(text)).toThrow(message);
  });
});
