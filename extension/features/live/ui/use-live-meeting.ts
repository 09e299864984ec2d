import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, useState } from 'react';
import type { LiveNotice } from '@sufler/shared';
import type { CaptureControl, CaptureState } from '../capture-state';
import { liveKeys, type LiveClient } from './live-client';
import { ACTIVE_PHASES, useCaptureState } from './use-capture-state';
import { newerSession, useLiveFollow } from './use-live-follow';

/** Where the call made at Stop opens: the web cockpit's page of the call (a new tab from the side panel). */
export interface CallLink {
  href: string;
  newTab: boolean;
}

/** What the conversation needs for live meetings; without it (the web cockpit) there is no capture. */
export interface LiveWiring {
  capture: CaptureControl;
  client: LiveClient;
  callLink(callId: string): CallLink;
}

/**
 * One co-pilot session's live meeting: the capture's state, the live session on the server (started here,
 * or found recording by `live.active` when the panel is reopened mid-meeting), its transcript, and Start and
 * Stop. Stop always goes through: the capture is stopped first, whatever the API answers.
 */
export function useLiveMeeting({ wiring, sessionId, onAnalysis }: { wiring: LiveWiring; sessionId: string; onAnalysis(): void }) {
  const { client, capture } = wiring;
  const queryClient = useQueryClient();
  const state: CaptureState = useCaptureState(capture);
  const [known, learn] = useReducer(newerSession, null);
  const [stopping, setStopping] = useState(false);
  const [stopError, setStopError] = useState(false);
  const [captureError, setCaptureError] = useState(false);

  const active = useQuery({
    queryKey: liveKeys.active(sessionId),
    queryFn: () => client.live.active.query({ sessionId }),
    refetchOnWindowFocus: false,
    retry: false,
  });
  useEffect(() => learn(active.data ?? null), [active.data]);

  const liveSessionId = state.liveSessionId ?? known?.id ?? null;
  const follow = useLiveFollow(client, liveSessionId, { state: learn, analysis: onAnalysis });
  const session = known?.id === liveSessionId ? known : null;
  // The capture is global to the browser: it may be recording another conversation of this rep.
  const foreign = session !== null && session.sessionId !== sessionId;

  const start = useMutation({
    mutationFn: async (notice: LiveNotice) => {
      const mode = capture.tabCapture ? 'tab_and_mic' : 'mic_only';
      const origin = capture.tabCapture ? 'chrome-extension' : 'firefox-extension';
      const result = await client.live.start.mutate({ sessionId, mode, consentConfirmed: true, noticeVersion: notice.version, origin });
      return { live: result.live, mode } as const;
    },
    onSuccess: ({ live, mode }) => {
      learn(live);
      setStopError(false);
      setCaptureError(false);
      capture.start({ liveSessionId: live.id, mode }).catch(() => setCaptureError(true));
    },
  });

  const stoppingNow = useRef(false);
  const stop = async () => {
    // Pressed again while stopping: the capture is asked again (harmless), the server only once.
    if (stoppingNow.current) return void (await capture.stop().catch(() => undefined));
    stoppingNow.current = true;
    const id = liveSessionId;
    setStopping(true);
    setStopError(false);
    // First the capture, so the tail of the audio is sent before the server is told the end.
    await capture.stop().catch(() => undefined);
    if (id !== null) {
      try {
        learn(await client.live.stop.mutate({ liveSessionId: id }));
      } catch {
        setStopError(true);
      }
    }
    stoppingNow.current = false;
    setStopping(false);
    void queryClient.invalidateQueries({ queryKey: liveKeys.active(sessionId) });
  };

  const recordingOnServer = session?.status === 'recording';
  const capturing = ACTIVE_PHASES.has(state.phase);
  return {
    state,
    session,
    foreign,
    segments: foreign ? [] : follow.segments,
    /** Something runs (the capture, or a live session the server still records): Stop is shown. */
    active: capturing || stopping || recordingOnServer,
    capturing,
    stopping,
    stopError,
    captureError,
    callId: state.callId ?? session?.callId ?? null,
    start,
    stop,
  };
}

export type LiveMeeting = ReturnType<typeof useLiveMeeting>;
