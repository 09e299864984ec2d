import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMBEDDING_DIMENSIONS, embedHashedNgrams } from '@sufler/shared';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ollamaErrors, startOllamaDouble, type OllamaDouble } from '../../../test/doubles/ollama-double';
import { EmbedderError } from '../../modules/knowledge/ports';
import { createOfflineEmbedder } from './offline-embedder';
import { createOllamaEmbedder } from './ollama-embedder';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

describe('offline embedder', () => {
  const embedder = createOfflineEmbedder();

  test('names itself and its size', () => {
    expect(embedder.id).toBe('offline-ngram-384@1');
    expect(embedder.dimensions).toBe(EMBEDDING_DIMENSIONS);
  });

  test('is deterministic, in order, and L2-normalised (empty text: the zero vector)', async () => {
    const texts = ['Leasing samochodu elektrycznego', 'home charging', ''];
    const [a, b, empty] = await embedder.embed(texts);
    const again = await embedder.embed(texts);
    expect(again).toEqual([a, b, empty]);
    expect(a).toEqual(embedHashedNgrams(texts[0]!));
    expect(a).toHaveLength(384);
    expect(norm(a!)).toBeCloseTo(1, 5);
    expect(norm(b!)).toBeCloseTo(1, 5);
    expect(norm(empty!)).toBe(0);
  });

  test('an aborted signal rejects', async () => {
    await expect(embedder.embed(['x'], AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('ollama embedder against the Ollama double', () => {
  let ollama: OllamaDouble;
  beforeAll(async () => {
    ollama = await startOllamaDouble({ models: ['all-minilm'] });
  });
  afterEach(() => ollama.reset());
  afterAll(async () => {
    await ollama.close();
  });
  const embeds = () => ollama.requests.filter((r) => r.path === '/api/embed');

  test('probes once for the size, then embeds in batches, in order', async () => {
    const embedder = await createOllamaEmbedder({ host: ollama.url, batchSize: 64 });
    expect(embedder.id).toBe('ollama:all-minilm');
    expect(embedder.dimensions).toBe(384);
    expect(embeds()).toHaveLength(1);

    const texts = Array.from({ length: 150 }, (_, i) => `fraza numer ${i}`);
    const vectors = await embedder.embed(texts);
    const batches = embeds().slice(1).map((r) => (r.body as { model: string; input: string[] }));
    expect(batches.map((b) => b.input.length)).toEqual([64, 64, 22]);
    expect(batches.every((b) => b.model === 'all-minilm')).toBe(true);
    expect(batches.flatMap((b) => b.input)).toEqual(texts);
    expect(vectors).toHaveLength(150);
    vectors.forEach((vector, i) => {
      expect(vector).toBeInstanceOf(Float32Array);
      const expected = embedHashedNgrams(texts[i]!);
      for (let d = 0; d < 384; d += 37) expect(vector[d]).toBeCloseTo(expected[d]!, 6);
    });
    expect(await embedder.embed([])).toEqual([]);
  });

  test('an unknown model fails at creation with model-not-found and Ollama\'s message', async () => {
    const failure = createOllamaEmbedder({ host: ollama.url, model: 'nomic-embed-text' });
    await expect(failure).rejects.toBeInstanceOf(EmbedderError);
    await expect(failure).rejects.toMatchObject({
      code: 'model-not-found',
      message: expect.stringContaining('model "nomic-embed-text" not found, try pulling it first'),
    });
  });

  test('an unreachable host fails at creation with unreachable', async () => {
    await expect(createOllamaEmbedder({ host: 'http://127.0.0.1:9' })).rejects.toMatchObject({
      name: 'EmbedderError',
      code: 'unreachable',
      message: expect.stringMatching(/^Ollama at http:\/\/127\.0\.0\.1:9 is unreachable \(fetch failed/),
    });
  });

  test('an HTTP error while embedding is rejected, with its status', async () => {
    const embedder = await createOllamaEmbedder({ host: ollama.url });
    ollama.script('all-minilm', ollamaErrors.busy);
    await expect(embedder.embed(['a'])).rejects.toMatchObject({ code: 'rejected', message: expect.stringMatching(/HTTP 503.*server busy/) });
  });

  test('the API key travels as a bearer token', async () => {
    await createOllamaEmbedder({ host: ollama.url, apiKey: 'secret-key' });
    expect(embeds()[0]!.headers.authorization).toBe('Bearer secret-key');
  });

  test('aborting cancels the request in flight', async () => {
    const embedder = await createOllamaEmbedder({ host: ollama.url });
    ollama.script('all-minilm', { firstByteDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = embedder.embed(['slow'], controller.signal);
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect.poll(() => embeds().at(-1)!.clientClosed).toBe(true);
  });
});

/**
 * A model the shared double cannot play: 2-d vectors that are not unit length, or a wrong count.
 * Real Ollama's `/api/embed` shape: `{ model, input }` → `{ model, embeddings, total_duration, … }`.
 */
describe('ollama embedder against an odd model', () => {
  let url: string;
  let answer: (input: string[]) => number[][];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { model, input } = JSON.parse(body) as { model: string; input: string[] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ model, embeddings: answer(input), total_duration: 1, load_duration: 1, prompt_eval_count: input.length }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('discovers the size from the probe and L2-normalises what it gets', async () => {
    answer = (input) => input.map(() => [3, 4]);
    const embedder = await createOllamaEmbedder({ host: url, model: 'tiny' });
    expect(embedder).toMatchObject({ id: 'ollama:tiny', dimensions: 2 });
    const [vector] = await embedder.embed(['x']);
    expect(Array.from(vector!)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });

  test('a wrong number of vectors, or a changed size, is a bad response', async () => {
    answer = (input) => input.map(() => [1, 0]);
    const embedder = await createOllamaEmbedder({ host: url, model: 'tiny' });
    answer = () => [[1, 0]];
    await expect(embedder.embed(['a', 'b'])).rejects.toMatchObject({ code: 'bad-response' });
    answer = (input) => input.map(() => [1, 0, 0]);
    await expect(embedder.embed(['a'])).rejects.toMatchObject({ code: 'bad-response', message: expect.stringContaining('3 dimensions') });
  });
});
