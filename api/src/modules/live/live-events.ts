import { EventEmitter } from 'node:events';
import type { LiveSegment, LiveSession } from '@sufler/shared';

/** What happens in a live session, as the recorder tells it to its followers in this process. */
export type LiveRecorderEvent =
  | { type: 'segment'; segment: LiveSegment; latencyMs: number }
  | { type: 'analysis'; interactionId: string; afterSegment: number; latencyMs: number; suggestions: { kind: string; text: string }[] }
  | { type: 'state'; live: LiveSession };

/**
 * Tells followers of a live session (the panel's `live.follow`, the capture's socket) what the recorder did.
 * The database stays the source of truth: followers in another replica poll it (see `live.service`).
 */
export type LiveEvents = {
  emit(liveSessionId: string, event: LiveRecorderEvent): void;
  on(liveSessionId: string, listener: (event: LiveRecorderEvent) => void): () => void;
};

export function createLiveEvents(): LiveEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit: (id, event) => void emitter.emit(id, event),
    on: (id, listener) => {
      emitter.on(id, listener);
      return () => void emitter.off(id, listener);
    },
  };
}
