import { Ollama } from 'ollama';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cosineSimilarity, embedHashedNgrams } from '@sufler/shared';
import { ollamaErrors, startOllamaDouble, type OllamaDouble } from './ollama-double';

// The double's own protocol, read through the real `ollama` client where it has a call for it.
let ollama: OllamaDouble;
let client: Ollama;
beforeAll(async () => {
  ollama = await startOllamaDouble();
  client = new Ollama({ host: ollama.url });
});
afterAll(() => ollama.close());
afterEach(() => ollama.reset());

const post = (path: string, body: string) =>
  fetch(`${ollama.url}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

describe('Ollama double', () => {
  test('lists its models and its version', async () => {
    const { models } = await client.list();
    expect(models.map((m) => m.name)).toEqual(['gpt-oss:120b', 'gpt-oss:20b', 'all-minilm']);
    expect(models[1]).toMatchObject({ model: 'gpt-oss:20b', details: { family: 'gptoss', format: 'gguf' } });
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('streams thinking, then content, then a done line with counts', async () => {
    ollama.script('gpt-oss:20b', { reply: 'Dzień dobry, Panie Janie', thinking: 'Greet him.', usage: { promptTokens: 7, completionTokens: 5 } });
    const stream = await client.chat({ model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'hej' }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.message.thinking ?? '').join('')).toBe('Greet him.');
    expect(chunks.map((c) => c.message.content).join('')).toBe('Dzień dobry, Panie Janie');
    expect(chunks.filter((c) => c.message.content).length).toBeGreaterThan(1);
    expect(chunks.at(-1)).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 7, eval_count: 5, message: { content: '' } });
    expect(chunks.slice(0, -1).every((c) => c.done === false)).toBe(true);
  });

  test('answers in one object when stream is false, from a function of the request', async () => {
    ollama.setDefault({ reply: (chat) => `echo: ${chat.messages.at(-1)!.content}`, thinking: 'hm' });
    const answer = await client.chat({ model: 'gpt-oss:120b', messages: [{ role: 'user', content: 'cena' }] });
    expect(answer).toMatchObject({ done: true, message: { role: 'assistant', content: 'echo: cena', thinking: 'hm' } });
    expect(ollama.requests[0]).toMatchObject({ method: 'POST', path: '/api/chat', model: 'gpt-oss:120b', body: { stream: false } });
  });

  test('embeds deterministically into normalised 384-d vectors', async () => {
    const { embeddings, model } = await client.embed({ model: 'all-minilm', input: ['leasing', 'leasingu'] });
    expect(model).toBe('all-minilm');
    expect(embeddings).toHaveLength(2);
    expect(embeddings[0]).toHaveLength(384);
    expect(embeddings[0]).toEqual(Array.from(embedHashedNgrams('leasing')));
    expect(cosineSimilarity(Float32Array.from(embeddings[0]!), Float32Array.from(embeddings[1]!))).toBeGreaterThan(0.5);
    expect((await client.embed({ model: 'all-minilm', input: 'x' })).embeddings).toHaveLength(1);
  });

  test.each([
    ['an unknown model', () => client.chat({ model: 'nope', messages: [] }), 404, 'model "nope" not found, try pulling it first'],
    ['a scripted 503', () => (ollama.script('gpt-oss:20b', ollamaErrors.busy), client.chat({ model: 'gpt-oss:20b', messages: [] })), 503, ollamaErrors.busy.error],
    ['a scripted 429 on embed', () => (ollama.script('all-minilm', ollamaErrors.rateLimited), client.embed({ model: 'all-minilm', input: 'a' })), 429, ollamaErrors.rateLimited.error],
  ])('answers %s as a ResponseError', async (_name, call, status, message) => {
    await expect(call()).rejects.toMatchObject({ name: 'ResponseError', status_code: status, message });
  });

  test('answers a body that is not JSON with 400 and an error object', async () => {
    const response = await post('/api/chat', '{"model":');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  test('an error line in the stream reaches the client as an Error', async () => {
    ollama.script('gpt-oss:20b', { reply: 'a b c', streamErrorAfterChunks: 1, error: 'runner crashed' });
    const stream = await client.chat({ model: 'gpt-oss:20b', messages: [], stream: true });
    const seen: string[] = [];
    await expect(async () => {
      for await (const chunk of stream) seen.push(chunk.message.content);
    }).rejects.toThrow('runner crashed');
    expect(seen).toEqual(['a ']);
  });

  test('a break mid-stream drops the connection after the chunks already sent', async () => {
    ollama.script('gpt-oss:20b', { reply: 'a b c', breakAfterChunks: 2 });
    const stream = await client.chat({ model: 'gpt-oss:20b', messages: [], stream: true });
    const seen: string[] = [];
    await expect(async () => {
      for await (const chunk of stream) seen.push(chunk.message.content);
    }).rejects.toThrow('terminated');
    expect(seen).toEqual(['a ', 'b ']);
    expect(ollama.requests[0]!.clientClosed).toBe(false);
  });

  test('scripted behaviours are used once, in order, before the default', async () => {
    ollama.script('gpt-oss:20b', { reply: 'one' }, { reply: 'two' });
    ollama.setDefault({ reply: 'default' });
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push((await client.chat({ model: 'gpt-oss:20b', messages: [] })).message.content);
    expect(texts).toEqual(['one', 'two', 'default']);
    expect(ollama.chats('gpt-oss:20b')).toHaveLength(3);
  });
});
