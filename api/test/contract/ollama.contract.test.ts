import { Ollama } from 'ollama';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createLlmGateway, createMemoryUsageStore } from '../../src/adapters/ollama/llm-gateway';
import { generateObject } from '../../src/modules/llm/generate-object';

/**
 * Contract tests against a real Ollama: what the gateway and the Ollama double assume of the
 * protocol, checked on the real thing. They need a running server, so they run only when
 * OLLAMA_URL is set (and OLLAMA_API_KEY for Ollama Cloud) and are skipped otherwise; the rest of
 * the suite uses `test/doubles/ollama-double.ts` instead.
 *
 *   OLLAMA_URL=http://127.0.0.1:11434 OLLAMA_CONTRACT_MODEL=gpt-oss:20b \
 *   OLLAMA_CONTRACT_EMBED_MODEL=all-minilm npx vitest run api/test/contract
 */
const host = process.env.OLLAMA_URL;
const apiKey = process.env.OLLAMA_API_KEY;
const model = process.env.OLLAMA_CONTRACT_MODEL ?? 'gpt-oss:20b';
const embedModel = process.env.OLLAMA_CONTRACT_EMBED_MODEL ?? 'all-minilm';
const SLOW = 180_000; // a cold model loads first

describe.skipIf(!host)('Ollama contract', () => {
  const client = new Ollama({ host: host!, ...(apiKey && { headers: { Authorization: `Bearer ${apiKey}` } }) });
  const gateway = createLlmGateway({
    host: host!,
    ...(apiKey && { apiKey }),
    models: [model],
    think: 'low',
    firstTokenTimeoutMs: 120_000,
    idleTimeoutMs: 30_000,
    breaker: { failures: 3, coolDownMs: 30_000 },
    usage: createMemoryUsageStore(),
  });

  test('/api/tags lists the model', async () => {
    const { models } = await client.list();
    expect(models.map((m) => m.name)).toContain(model);
  });

  test('a streamed chat through the gateway returns visible text and token counts', { timeout: SLOW }, async () => {
    const deltas: string[] = [];
    const result = await gateway.chat({
      messages: [{ role: 'user', content: 'Reply with one short Polish greeting and nothing else.' }],
      purpose: 'contract',
      onText: (delta) => deltas.push(delta),
    });
    expect(result.text.trim()).not.toBe('');
    expect(deltas.join('')).toBe(result.text);
    expect(result.model).toBe(model);
    expect(result.completionTokens).toBeGreaterThan(0);
  });

  test('generateObject returns output valid for a tiny schema', { timeout: SLOW }, async () => {
    const result = await generateObject(gateway, z.object({ sum: z.number() }), {
      messages: [{ role: 'user', content: 'What is 2 + 3? Answer as JSON with the field "sum".' }],
      purpose: 'contract',
    });
    expect(result).toMatchObject({ ok: true, value: { sum: expect.any(Number) } });
  });

  test('/api/embed returns one vector per input', { timeout: SLOW }, async (context) => {
    const { models } = await client.list();
    if (!models.some((m) => m.name === embedModel || m.name === `${embedModel}:latest`)) {
      context.skip(`embedding model ${embedModel} is not pulled on this host`);
    }
    const { embeddings } = await client.embed({ model: embedModel, input: ['Dzień dobry', 'leasing'] });
    expect(embeddings).toHaveLength(2);
    expect(embeddings[0]!.length).toBeGreaterThan(0);
    expect(embeddings[0]!.length).toBe(embeddings[1]!.length);
  });
});
