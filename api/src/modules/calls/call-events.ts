import { EventEmitter } from 'node:events';

/**
 * Tells open progress subscriptions in this process that a call changed. The database stays the source
 * of truth: a subscriber re-reads it on each event, and also every few seconds, so a worker in another
 * replica (which cannot reach this emitter) is still seen.
 */
export type CallEvents = {
  changed(callId: string): void;
  /** Resolves on the next change of `callId`, after `timeoutMs`, or when `signal` aborts. */
  next(callId: string, timeoutMs: number, signal?: AbortSignal): Promise<void>;
};

export function createCallEvents(): CallEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    changed: (callId) => void emitter.emit(callId),
    next: (callId, timeoutMs, signal) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          emitter.off(callId, done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        emitter.once(callId, done);
        signal?.addEventListener('abort', done, { once: true });
      }),
  };
}
