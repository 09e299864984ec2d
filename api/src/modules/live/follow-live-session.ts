import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { LiveEvent } from '@sufler/shared';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import type { LiveEvents, LiveRecorderEvent } from './live-events';
import { LiveSegmentEntity } from './live-segment.entity';
import { LiveSessionEntity, type LiveSessionRow } from './live-session.entity';
import { toLiveSession, toSegment } from './live-views';

/** How often a follower re-reads the database (a recorder in another replica cannot reach this emitter). */
const POLL_MS = 2000;

/**
 * The state, the segments so far, then every new segment, analysis and state change, until the session
 * is stopped or failed (or `signal` aborts). Events from this process come at once; the database is
 * re-read every few seconds for a recorder in another replica.
 */
export async function* followLiveSession(
  em: EntityManager,
  actor: Actor,
  id: string,
  deps: { orm: MikroORM; events: LiveEvents; visible: (em: EntityManager, actor: Actor, id: string) => Promise<LiveSessionRow> },
  signal?: AbortSignal,
): AsyncGenerator<LiveEvent> {
  const row = await deps.visible(em, actor, id);
  audit(em, { actor, action: 'read', entity: 'live_session', entityId: id, detail: { follow: true } });
  await em.flush();
  const queue: LiveRecorderEvent[] = [];
  let wake: (() => void) | null = null;
  const off = deps.events.on(id, (event) => {
    queue.push(event);
    wake?.();
  });
  try {
    let state = toLiveSession(row);
    yield { type: 'state', live: state };
    let seen = -1;
    for (const s of await em.find(LiveSegmentEntity, { liveSession: id }, { orderBy: { index: 'asc' } })) {
      seen = s.index;
      yield { type: 'segment', segment: toSegment(s) };
    }
    while (!signal?.aborted && state.status !== 'stopped' && state.status !== 'failed') {
      if (!queue.length) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
          signal?.addEventListener('abort', wake, { once: true });
        });
        wake = null;
      }
      if (!queue.length) {
        // Nothing here: what another replica may have done.
        const fork = deps.orm.em.fork();
        for (const s of await fork.find(LiveSegmentEntity, { liveSession: id, index: { $gt: seen } }, { orderBy: { index: 'asc' } })) {
          seen = s.index;
          yield { type: 'segment', segment: toSegment(s) };
        }
        const fresh = toLiveSession(await fork.findOneOrFail(LiveSessionEntity, { id }));
        if (fresh.status !== state.status || fresh.callId !== state.callId) yield { type: 'state', live: fresh };
        state = fresh;
        continue;
      }
      for (const event of queue.splice(0)) {
        if (event.type === 'segment') {
          if (event.segment.index <= seen) continue;
          seen = event.segment.index;
          yield { type: 'segment', segment: event.segment };
        } else if (event.type === 'analysis') yield { type: 'analysis', interactionId: event.interactionId, afterSegment: event.afterSegment };
        else {
          state = event.live;
          yield { type: 'state', live: state };
        }
      }
    }
  } finally {
    off();
  }
}
