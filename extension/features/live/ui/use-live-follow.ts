import { useQuery } from '@tanstack/react-query';
import { useEffect, useReducer, useRef } from 'react';
import type { LiveSegment, LiveStatus } from '@sufler/shared';
import { liveKeys, type LiveClient, type LiveSessionRow } from './live-client';

/** How many finalized segments the panel keeps; the ticker shows the last few, the call keeps them all. */
const KEPT_SEGMENTS = 50;

const RANK: Record<LiveStatus, number> = { recording: 0, stopping: 1, stopped: 2, failed: 2 };

/**
 * The latest word on a live session: a new id replaces the old one; for the same id a status never goes
 * back (a late `live.get` answer must not undo the `stopped` that `live.stop` returned).
 */
export function newerSession(current: LiveSessionRow | null, next: LiveSessionRow | null): LiveSessionRow | null {
  if (next === null) return current;
  if (current === null || current.id !== next.id) return next;
  return RANK[next.status] >= RANK[current.status] ? next : current;
}

interface Segments {
  liveSessionId: string | null;
  list: LiveSegment[];
}

function addSegments(state: Segments, action: { liveSessionId: string | null; segments: LiveSegment[] }): Segments {
  const byIndex = new Map((state.liveSessionId === action.liveSessionId ? state.list : []).map((s) => [s.index, s]));
  for (const segment of action.segments) byIndex.set(segment.index, segment);
  // In the order they were said, not stored: a consultant line waits for the client side to settle (the echo
  // check), so after a burst (the buffer resent after an outage) a later client line can be stored first.
  const list = [...byIndex.values()].sort((a, b) => a.startMs - b.startMs || a.index - b.index).slice(-KEPT_SEGMENTS);
  return { liveSessionId: action.liveSessionId, list };
}

/**
 * Follows one live session: its stored state and segments (`live.get`), then `live.follow`'s events. Each
 * `analysis` event calls `onAnalysis` (the screen refetches the co-pilot session: new moves and analysis).
 * While the session is `stopping`, `live.get` is asked again every 2 s until the call is made.
 */
export function useLiveFollow(
  client: LiveClient,
  liveSessionId: string | null,
  on: { state(live: LiveSessionRow): void; analysis(): void },
) {
  const handlers = useRef(on);
  useEffect(() => {
    handlers.current = on;
  });
  const [segments, add] = useReducer(addSegments, { liveSessionId: null, list: [] });
  const detail = useQuery({
    queryKey: liveKeys.get(liveSessionId ?? ''),
    queryFn: () => client.live.get.query({ liveSessionId: liveSessionId! }),
    enabled: liveSessionId !== null,
    refetchOnWindowFocus: false,
    refetchInterval: (query) => (query.state.data?.status === 'stopping' ? 2000 : false),
  });

  useEffect(() => {
    if (!detail.data) return;
    const { segments: stored, ...live } = detail.data;
    handlers.current.state(live);
    add({ liveSessionId: live.id, segments: stored });
  }, [detail.data]);

  useEffect(() => {
    if (liveSessionId === null) return;
    const subscription = client.live.follow.subscribe(
      { liveSessionId },
      {
        onData: (event) => {
          if (event.type === 'state') handlers.current.state(event.live);
          else if (event.type === 'segment') add({ liveSessionId, segments: [event.segment] });
          else handlers.current.analysis();
        },
        // The socket's own retry resends the subscription; what was missed comes with the next `live.get`.
        onError: () => undefined,
      },
    );
    return () => subscription.unsubscribe();
  }, [client, liveSessionId]);

  return { segments: segments.liveSessionId === liveSessionId ? segments.list : [], detail: detail.data ?? null };
}
