/**
 * A stage's failure as the reviewer sees it: a code for the UI, a message, and whether trying again
 * later may help (a server that was down) or not (a file that cannot be decoded).
 */
export class StageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient = false,
  ) {
    super(message);
    this.name = 'StageError';
  }
}

/** Reads any error thrown by a stage as a StageError: adapters' typed errors keep their code and transience. */
export function asStageError(error: unknown): StageError {
  if (error instanceof StageError) return error;
  const e = error as { code?: unknown; transient?: unknown; message?: unknown; name?: unknown };
  const code = typeof e?.code === 'string' ? e.code.toUpperCase() : 'INTERNAL';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const network = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE'].includes(code);
  return new StageError(code, message, e?.transient === true || network);
}
