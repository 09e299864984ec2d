import { normalizeL2 } from '@sufler/shared';
import { Ollama } from 'ollama';
import { EmbedderError, type Embedder } from '../../modules/knowledge/ports';

export type OllamaEmbedderOptions = {
  /** Ollama's address, e.g. `http://127.0.0.1:11434` or `https://ollama.com`. */
  host: string;
  /** Sent as `Authorization: Bearer …` (Ollama Cloud). */
  apiKey?: string;
  model?: string;
  /** Texts per `/api/embed` request. */
  batchSize?: number;
};

/**
 * An embedder backed by Ollama's `/api/embed`. Async because the vector size is the model's: one
 * probe request learns it, and fails here with an `EmbedderError` when Ollama is unreachable or
 * lacks the model, so the caller can fall back before indexing anything.
 */
export async function createOllamaEmbedder(options: OllamaEmbedderOptions, signal?: AbortSignal): Promise<Embedder> {
  const { host, apiKey, model = 'all-minilm', batchSize = 64 } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const id = `ollama:${model}`;

  async function request(input: string[], signal?: AbortSignal): Promise<number[][]> {
    // `Ollama#abort()` only reaches streamed requests, so a per-request client carries the signal.
    const client = new Ollama({
      host,
      ...(apiKey && { headers: { Authorization: `Bearer ${apiKey}` } }),
      fetch: (url, init) => fetch(url, { ...init, ...(signal && { signal }) }),
    });
    let embeddings: unknown;
    try {
      ({ embeddings } = await client.embed({ model, input }));
    } catch (error) {
      if (signal?.aborted) throw error;
      throw translate(error, host, model);
    }
    if (!Array.isArray(embeddings) || embeddings.length !== input.length || !embeddings.every(isVector)) {
      throw new EmbedderError('bad-response', `Ollama at ${host} did not return ${input.length} embeddings from ${model}`);
    }
    return embeddings;
  }

  const [probe] = await request(['dimension probe'], signal);
  const dimensions = probe!.length;

  return {
    id,
    dimensions,
    async embed(texts, signal) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        signal?.throwIfAborted();
        const batch = texts.slice(start, start + batchSize);
        for (const embedding of await request(batch, signal)) {
          if (embedding.length !== dimensions) {
            throw new EmbedderError('bad-response', `${model} returned ${embedding.length} dimensions, ${dimensions} before`);
          }
          vectors.push(normalised(embedding));
        }
      }
      return vectors;
    },
  };
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number' && Number.isFinite(x));
}

const normalised = (values: number[]) => normalizeL2(Float32Array.from(values));

/** The ollama client throws `ResponseError` (not exported: see TOOLCHAIN.md) for HTTP errors, `TypeError` for network ones. */
function translate(error: unknown, host: string, model: string): EmbedderError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'ResponseError') {
    const status = (error as Error & { status_code?: number }).status_code;
    if (status === 404) {
      return new EmbedderError('model-not-found', `Ollama at ${host} has no model ${model} (run \`ollama pull ${model}\`): ${message}`, { cause: error });
    }
    return new EmbedderError('rejected', `Ollama at ${host} refused to embed with ${model} (HTTP ${status}): ${message}`, { cause: error });
  }
  if (error instanceof TypeError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new EmbedderError('unreachable', `Ollama at ${host} is unreachable (${message}${cause})`, { cause: error });
  }
  return new EmbedderError('bad-response', `Ollama at ${host} answered ${model} unexpectedly: ${message}`, { cause: error });
}
