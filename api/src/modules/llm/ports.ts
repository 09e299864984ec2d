/**
 * The ChatModel port: what the co-pilot needs from a language model, in our words. The Ollama
 * gateway (`llm-gateway.ts`) implements it over an ordered chain of models.
 */
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** gpt-oss always reasons; this sets how much. `false` asks models that can to skip it. */
export type ThinkLevel = 'low' | 'medium' | 'high' | false;

export type ChatRequest = {
  messages: ChatMessage[];
  /** JSON schema the answer must follow (Ollama `format`); the caller still validates the answer. */
  format?: Record<string, unknown>;
  /**
   * Called with each piece of visible text as it streams. Once it has been called, a failure is
   * not retried on another model: the rep has already seen the text.
   */
  onText?: (delta: string) => void;
  signal?: AbortSignal;
  /** What the call is for (logs, usage): analysis, suggestions, chat, strategy, summary. */
  purpose: string;
};

export type ChatResult = { text: string; model: string; promptTokens: number; completionTokens: number };

export interface ChatModel {
  /**
   * Throws `LlmUnavailableError` when no model of the chain could answer, `LlmStreamBrokenError`
   * when an answer broke off after text was shown, `LlmRequestError` when a model refused the
   * request itself (HTTP 400: our bug), and an error named `AbortError` when aborted.
   */
  chat(request: ChatRequest): Promise<ChatResult>;
}

export type AttemptFailure = { model: string; reason: string };

export class LlmUnavailableError extends Error {
  constructor(readonly attempts: AttemptFailure[]) {
    super(
      attempts.length
        ? `No language model answered: ${attempts.map((a) => `${a.model} (${a.reason})`).join('; ')}`
        : 'No language model is configured',
    );
    this.name = 'LlmUnavailableError';
  }
}

/**
 * The answer broke off after part of it reached `onText`. Not retried on another model: the rep
 * has already seen the beginning, and a second answer would not continue it.
 */
export class LlmStreamBrokenError extends Error {
  constructor(
    readonly model: string,
    readonly partialText: string,
    readonly reason: string,
  ) {
    super(`The answer of ${model} broke off after ${partialText.length} characters: ${reason}`);
    this.name = 'LlmStreamBrokenError';
  }
}

/** A model refused the request itself (HTTP 4xx other than 404/408/429): our bug, not the model's. */
export class LlmRequestError extends Error {
  constructor(
    readonly model: string,
    readonly status: number,
    message: string,
  ) {
    super(`${model} refused the request (HTTP ${status}): ${message}`);
    this.name = 'LlmRequestError';
  }
}

/** Tokens used per model and day: for the daily limit and for the admin's view. */
export interface UsageStore {
  add(day: string, model: string, tokens: number): Promise<void>;
  tokensOn(day: string, model: string): Promise<number>;
}
