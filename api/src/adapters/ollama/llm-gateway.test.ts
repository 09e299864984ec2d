import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ollamaErrors, startOllamaDouble, type OllamaDouble } from '../../../test/doubles/ollama-double';
import { createLogger } from '../../logger';
import type { ChatRequest } from '../../modules/llm/ports';
import {
  createLlmGateway,
  createMemoryUsageStore,
  LlmRequestError,
  LlmStreamBrokenError,
  LlmUnavailableError,
  type GatewayLogger,
  type LlmGatewayOptions,
} from './llm-gateway';

// Drives the real `ollama` client over HTTP against the double: what is tested is the wire.
const BIG = 'gpt-oss:120b';
const SMALL = 'gpt-oss:20b';
const DAY = Date.UTC(2026, 2, 14, 23, 30);

let ollama: OllamaDouble;
beforeAll(async () => {
  ollama = await startOllamaDouble({ models: [BIG, SMALL] });
});
afterAll(() => ollama.close());
afterEach(() => ollama.reset());

function gateway(overrides: Partial<LlmGatewayOptions> = {}) {
  const usage = createMemoryUsageStore();
  const llm = createLlmGateway({
    host: ollama.url,
    models: [BIG, SMALL],
    think: 'low',
    firstTokenTimeoutMs: 300,
    idleTimeoutMs: 300,
    breaker: { failures: 3, coolDownMs: 60_000 },
    usage,
    now: () => DAY,
    ...overrides,
  });
  return { llm, usage: overrides.usage ?? usage };
}

const ask = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content: 'Co powiedzieć klientowi?' }],
  purpose: 'test',
  ...extra,
});

describe('answers', () => {
  test('streams visible text to onText, sends stream and think, records usage for the UTC day', async () => {
    ollama.script(BIG, { reply: 'Zapytaj o budżet na leasing.', thinking: 'The rep needs a question.', usage: { promptTokens: 40, completionTokens: 12 } });
    const { llm, usage } = gateway();
    const deltas: string[] = [];
    const result = await llm.chat(ask({ onText: (d) => deltas.push(d) }));

    expect(result).toEqual({ text: 'Zapytaj o budżet na leasing.', model: BIG, promptTokens: 40, completionTokens: 12 });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(result.text);
    expect(deltas.join('')).not.toContain('rep needs');
    const [sent] = ollama.chats(BIG);
    expect(sent!.body).toMatchObject({ model: BIG, stream: true, think: 'low', messages: ask().messages });
    expect(sent!.body).not.toHaveProperty('format');
    expect(await usage.tokensOn('2026-03-14', BIG)).toBe(52);
    expect(llm.status().models).toEqual([
      { model: BIG, state: 'closed', consecutiveFailures: 0 },
      { model: SMALL, state: 'closed', consecutiveFailures: 0 },
    ]);
  });

  test('passes format through', async () => {
    const format = { type: 'object', properties: { next: { type: 'string' } }, required: ['next'] };
    ollama.script(BIG, { reply: '{"next":"cena"}' });
    const { llm } = gateway();
    expect((await llm.chat(ask({ format }))).text).toBe('{"next":"cena"}');
    expect(ollama.chats(BIG)[0]!.body).toMatchObject({ format });
  });

  test('sends the API key as a bearer token only when set', async () => {
    await gateway({ apiKey: 'cloud-key' }).llm.chat(ask());
    await gateway().llm.chat(ask());
    const [withKey, withoutKey] = ollama.chats(BIG);
    expect(withKey!.headers.authorization).toBe('Bearer cloud-key');
    expect(withoutKey!.headers.authorization).toBeUndefined();
  });
});

describe('falls back to the next model', () => {
  test.each([
    ['429 from Ollama Cloud', ollamaErrors.rateLimited, /HTTP 429: you've reached/],
    ['503 when overloaded', ollamaErrors.busy, /HTTP 503: server busy/],
    ['500', ollamaErrors.internal, /HTTP 500/],
    ['408', { status: 408, error: 'request timeout' }, /HTTP 408/],
    ['no first chunk in time', { firstByteDelayMs: 1_000 }, /no answer within 300 ms/],
    ['a stalled stream before any text', { thinking: 'a b c d', chunkDelayMs: 1_000 }, /stalled for 300 ms/],
    ['a connection dropped before any text', { thinking: 'a b c', breakAfterChunks: 2 }, /connection dropped/],
    ['a connection dropped right after the headers', { breakAfterChunks: 0 }, /connection dropped/],
    ['an error line in the stream', { streamErrorAfterChunks: 0, error: 'llama runner crashed' }, /llama runner crashed/],
  ])('on %s', async (_name, behaviour, reason) => {
    ollama.script(BIG, behaviour);
    ollama.script(SMALL, { reply: 'Zapytaj o termin.' });
    const { llm } = gateway();
    const started = performance.now();
    await expect(llm.chat(ask())).resolves.toMatchObject({ text: 'Zapytaj o termin.', model: SMALL });
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(llm.status().models[0]).toMatchObject({ state: 'closed', consecutiveFailures: 1, lastError: expect.stringMatching(reason) });
  });

  test('logs each failure and the fallback answer; the app logger fits', async () => {
    const _appLoggerFits: GatewayLogger = createLogger({ LOG_LEVEL: 'silent' });
    const logs: [string, object, string][] = [];
    const logger: GatewayLogger = { warn: (o, m) => logs.push(['warn', o, m]), info: (o, m) => logs.push(['info', o, m]) };
    ollama.script(BIG, ollamaErrors.busy);
    await gateway({ logger }).llm.chat(ask({ purpose: 'suggestions' }));
    expect(logs).toEqual([
      ['warn', { model: BIG, purpose: 'suggestions', reason: expect.stringMatching(/^HTTP 503/) }, 'language model failed'],
      ['info', { model: SMALL, purpose: 'suggestions', attempts: [{ model: BIG, reason: expect.any(String) }] }, 'answered by a fallback model'],
    ]);
  });

  test('on a model the host does not have (404)', async () => {
    const { llm } = gateway({ models: ['llama-missing:8b', SMALL] });
    await expect(llm.chat(ask())).resolves.toMatchObject({ model: SMALL });
    expect(llm.status().models[0]!.lastError).toMatch(/HTTP 404: model "llama-missing:8b" not found/);
  });

  test('on a host that refuses connections', async () => {
    const port = await unusedPort();
    const { llm } = gateway({ host: `http://127.0.0.1:${port}` });
    const error = await llm.chat(ask()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmUnavailableError);
    expect((error as LlmUnavailableError).attempts).toEqual([
      { model: BIG, reason: 'connection failed (ECONNREFUSED)' },
      { model: SMALL, reason: 'connection failed (ECONNREFUSED)' },
    ]);
  });
});

describe('does not fall back', () => {
  test('after text was shown: the partial answer is reported, the next model never asked', async () => {
    ollama.script(BIG, { reply: 'Zapytaj klienta o jego budżet na ten rok', breakAfterChunks: 3 });
    const { llm } = gateway();
    const deltas: string[] = [];
    const error = await llm.chat(ask({ onText: (d) => deltas.push(d) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmStreamBrokenError);
    expect(error).toMatchObject({ model: BIG, partialText: 'Zapytaj klienta o ' });
    expect(deltas.join('')).toBe('Zapytaj klienta o ');
    expect(ollama.chats(SMALL)).toHaveLength(0);
    expect(llm.status().models[0]!.consecutiveFailures).toBe(1);
  });

  test('when the stream stalls after text was shown', async () => {
    ollama.script(BIG, { reply: 'Zapytaj o budżet', chunkDelayMs: 1_000 });
    const error = await gateway().llm.chat(ask()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LlmStreamBrokenError', partialText: 'Zapytaj ', reason: 'stream stalled for 300 ms' });
    expect(ollama.chats(SMALL)).toHaveLength(0);
  });

  test('on 400: the request is wrong, another model would refuse it too', async () => {
    ollama.script(BIG, { status: 400, error: 'invalid format' });
    const { llm } = gateway();
    const error = await llm.chat(ask()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmRequestError);
    expect(error).toMatchObject({ model: BIG, status: 400 });
    expect(ollama.chats(SMALL)).toHaveLength(0);
    expect(llm.status().models[0]!.consecutiveFailures).toBe(0);
  });

  test('when an onText callback throws: its error comes back as is', async () => {
    const bug = new Error('render failed');
    const error = await gateway().llm.chat(ask({ onText: () => { throw bug; } })).catch((e: unknown) => e);
    expect(error).toBe(bug);
    expect(ollama.chats(SMALL)).toHaveLength(0);
  });
});

describe('abort', () => {
  test('rejects promptly with AbortError, closes the stream, leaves a concurrent call alone', async () => {
    ollama.setDefault({ reply: 'Zapytaj o termin wdrożenia.', thinking: 'a b c', chunkDelayMs: 50 }, BIG);
    const { llm } = gateway({ idleTimeoutMs: 1_000 });
    const controller = new AbortController();
    const aborted = llm.chat(ask({ messages: [{ role: 'user', content: 'pierwsza' }], signal: controller.signal }));
    const other = llm.chat(ask({ messages: [{ role: 'user', content: 'druga' }] }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    // Long before the stream would have ended (many chunks, 50 ms apart); generous for a loaded CI machine.
    expect(performance.now() - started).toBeLessThan(500);
    await expect(other).resolves.toMatchObject({ text: 'Zapytaj o termin wdrożenia.', model: BIG });
    expect(ollama.chats(SMALL)).toHaveLength(0);
    const first = ollama.chats(BIG).find((r) => JSON.stringify(r.body).includes('pierwsza'))!;
    await waitFor(() => first.clientClosed);
    expect(ollama.chats(BIG).find((r) => r !== first)!.clientClosed).toBe(false);
    expect(llm.status().models[0]!.consecutiveFailures).toBe(0);
  });

  test('aborts while waiting for the response headers', async () => {
    ollama.script(BIG, { firstByteDelayMs: 1_000 });
    const controller = new AbortController();
    const call = gateway({ firstTokenTimeoutMs: 2_000 }).llm.chat(ask({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(ollama.chats(SMALL)).toHaveLength(0);
  });

  test('an already aborted signal sends nothing', async () => {
    await expect(gateway().llm.chat(ask({ signal: AbortSignal.abort() }))).rejects.toMatchObject({ name: 'AbortError' });
    expect(ollama.requests).toHaveLength(0);
  });
});

describe('circuit breaker', () => {
  test('opens after N consecutive failures, half-opens after the cool-down, closes on success', async () => {
    let clock = DAY;
    const { llm } = gateway({ now: () => clock, breaker: { failures: 2, coolDownMs: 30_000 } });
    ollama.setDefault(ollamaErrors.busy, BIG);
    await llm.chat(ask());
    await llm.chat(ask());
    expect(llm.status().models[0]).toEqual({ model: BIG, state: 'open', consecutiveFailures: 2, lastError: `HTTP 503: ${ollamaErrors.busy.error}` });

    await expect(llm.chat(ask())).resolves.toMatchObject({ model: SMALL });
    expect(ollama.chats(BIG)).toHaveLength(2); // skipped while open

    clock += 30_000;
    expect(llm.status().models[0]!.state).toBe('half-open');
    await llm.chat(ask()); // the trial fails: open again
    expect(ollama.chats(BIG)).toHaveLength(3);
    expect(llm.status().models[0]).toMatchObject({ state: 'open', consecutiveFailures: 3 });

    clock += 30_000;
    ollama.setDefault({ reply: 'wróciłem' }, BIG);
    await expect(llm.chat(ask())).resolves.toMatchObject({ model: BIG, text: 'wróciłem' });
    expect(llm.status().models[0]).toEqual({ model: BIG, state: 'closed', consecutiveFailures: 0 });
  });

  test('half-open lets one trial through at a time', async () => {
    let clock = DAY;
    const { llm } = gateway({ now: () => clock, breaker: { failures: 1, coolDownMs: 1_000 } });
    ollama.script(BIG, ollamaErrors.busy, { reply: 'próba', chunkDelayMs: 50 });
    await llm.chat(ask());
    clock += 1_000;
    const [trial, other] = await Promise.all([llm.chat(ask()), llm.chat(ask())]);
    expect(trial.model).toBe(BIG);
    expect(other.model).toBe(SMALL);
  });

  test('when every model fails or is skipped, the error lists each one', async () => {
    ollama.setDefault(ollamaErrors.busy, BIG);
    ollama.setDefault(ollamaErrors.rateLimited, SMALL);
    const { llm } = gateway({ breaker: { failures: 1, coolDownMs: 60_000 } });
    await expect(llm.chat(ask())).rejects.toBeInstanceOf(LlmUnavailableError);
    const error = (await llm.chat(ask()).catch((e: unknown) => e)) as LlmUnavailableError;
    expect(error.attempts).toEqual([
      { model: BIG, reason: expect.stringMatching(/^circuit open after 1 failures \(last: HTTP 503/) },
      { model: SMALL, reason: expect.stringMatching(/^circuit open after 1 failures \(last: HTTP 429/) },
    ]);
    expect(error.message).toMatch(/^No language model answered: gpt-oss:120b \(circuit open/);
  });
});

describe('daily token limit', () => {
  test('skips a model that used its tokens today, and uses it again the next UTC day', async () => {
    let clock = DAY;
    const usage = createMemoryUsageStore();
    await usage.add('2026-03-14', BIG, 1_000);
    const { llm } = gateway({ usage, dailyTokenLimit: 1_000, now: () => clock });
    await expect(llm.chat(ask())).resolves.toMatchObject({ model: SMALL });
    expect(ollama.chats(BIG)).toHaveLength(0);

    ollama.setDefault(ollamaErrors.busy, SMALL);
    const error = (await llm.chat(ask()).catch((e: unknown) => e)) as LlmUnavailableError;
    expect(error.attempts[0]).toEqual({ model: BIG, reason: 'daily token limit reached' });

    clock += 60 * 60 * 1000; // 00:30 UTC on the 15th
    await expect(llm.chat(ask())).resolves.toMatchObject({ model: BIG });
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(condition: () => boolean, ms = 1_000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
