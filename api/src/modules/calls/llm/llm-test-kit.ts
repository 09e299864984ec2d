import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startOllamaDouble, type OllamaDouble } from '../../../../test/doubles/ollama-double';
import { createLlmGateway, createMemoryUsageStore, type LlmGateway } from '../../../adapters/ollama/llm-gateway';

// What the calls' LLM aid tests share: the real gateway and `ollama` client against a double speaking Ollama's
// HTTP protocol. Call at the top of a test file: it registers the file's hooks.

export type LlmTestKit = {
  /** The file's double: started before all tests, reset before each, closed after all. */
  ollama: OllamaDouble;
  /** A fresh gateway per call: each starts with a closed circuit breaker. */
  gateway(): LlmGateway;
};

export function createLlmTestKit(model: string): LlmTestKit {
  let double: OllamaDouble | undefined;
  beforeAll(async () => {
    double = await startOllamaDouble({ models: [model] });
  });
  afterAll(() => double!.close());
  beforeEach(() => double!.reset());

  // The double only exists once `beforeAll` has run; this stand-in lets a file hold it in a plain `const` anyway.
  const ollama = new Proxy({} as OllamaDouble, { get: (_, key) => Reflect.get(double!, key) });
  const gateway = () =>
    createLlmGateway({
      host: ollama.url,
      models: [model],
      think: 'low',
      firstTokenTimeoutMs: 2_000,
      idleTimeoutMs: 2_000,
      breaker: { failures: 3, coolDownMs: 1_000 },
      usage: createMemoryUsageStore(),
    });
  return { ollama, gateway };
}
