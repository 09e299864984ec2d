import type { LiveEvent, LiveNotice, LiveSegment, LiveSession, LiveStartInput } from '@sufler/shared';
import type { Wire } from '../../cockpit/cockpit-client';

export type LiveSessionRow = Wire<LiveSession>;
export type LiveSessionDetail = LiveSessionRow & { segments: LiveSegment[] };
export type LiveStreamEvent = Wire<LiveEvent>;

/**
 * The part of the tRPC client the live panel uses (`live.*`, api/src/modules/live/live.router.ts). The real
 * client fits it once the router is in `AppRouter`; tests pass a hand-written fake (as cockpit-client.ts does).
 */
export interface LiveClient {
  live: {
    notice: { query(): Promise<LiveNotice> };
    saveNotice: { mutate(input: { text: string }): Promise<LiveNotice> };
    start: { mutate(input: LiveStartInput): Promise<{ live: LiveSessionRow; socketPath: '/live' }> };
    stop: { mutate(input: { liveSessionId: string }): Promise<LiveSessionRow> };
    get: { query(input: { liveSessionId: string }): Promise<LiveSessionDetail> };
    /** The recording live session of a co-pilot session, for a panel reopened mid-meeting. */
    active: { query(input: { sessionId: string }): Promise<LiveSessionRow | null> };
    follow: {
      subscribe(
        input: { liveSessionId: string },
        opts: { onData: (event: LiveStreamEvent) => void; onError?: (error: unknown) => void; onComplete?: () => void },
      ): { unsubscribe(): void };
    };
  };
}

export const liveKeys = {
  notice: ['live', 'notice'] as const,
  active: (sessionId: string) => ['live', 'active', sessionId] as const,
  get: (liveSessionId: string) => ['live', 'get', liveSessionId] as const,
};
