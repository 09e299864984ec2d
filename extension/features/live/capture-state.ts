import { z } from 'zod';
import { LiveModeSchema } from '@sufler/shared';

/**
 * The state of live capture as the side panel sees it. The capture itself runs in the offscreen document
 * (Chrome) and is driven by the background; this state crosses those contexts as a message, so it is a
 * zod schema and every receiver parses it.
 *
 * phase:
 * - idle: nothing captured;
 * - needs-gesture: armed (consent given, live session started) but the browser wants a click on the Sufler
 *   icon or Alt+Shift+L on the meeting tab before the tab can be captured;
 * - needs-mic-permission: the microphone permission page must be opened once;
 * - starting / recording / reconnecting (recording goes on, frames are buffered) / stopping / stopped / error.
 */
export const CapturePhaseSchema = z.enum([
  'idle',
  'needs-gesture',
  'needs-mic-permission',
  'starting',
  'recording',
  'reconnecting',
  'stopping',
  'stopped',
  'error',
]);
export type CapturePhase = z.infer<typeof CapturePhaseSchema>;

export const CaptureStateSchema = z.object({
  phase: CapturePhaseSchema,
  liveSessionId: z.uuid().nullable(),
  mode: LiveModeSchema.nullable(),
  /** Epoch ms when frames started to flow. */
  startedAt: z.number().nullable(),
  /** Peak level of the last ~100 ms per side, 0…1 (for the meters). */
  levels: z.object({ consultant: z.number().min(0).max(1), client: z.number().min(0).max(1) }),
  /** Audio captured but not yet acknowledged by the server (buffered while the socket is down). */
  unackedMs: z.number().min(0),
  /** Audio lost because the resend buffer overflowed (a long outage); shown honestly. */
  droppedMs: z.number().min(0),
  /** The call the recording became, once stopped. */
  callId: z.uuid().nullable(),
  error: z.object({ code: z.string().max(60), message: z.string().max(500) }).nullable(),
});
export type CaptureState = z.infer<typeof CaptureStateSchema>;

export const IDLE_CAPTURE: CaptureState = {
  phase: 'idle',
  liveSessionId: null,
  mode: null,
  startedAt: null,
  levels: { consultant: 0, client: 0 },
  unackedMs: 0,
  droppedMs: 0,
  callId: null,
  error: null,
};

/**
 * What the panel may ask of the capture. Implemented over runtime messages to the background (Chrome) or
 * in-page (Firefox, microphone only); tests pass a fake.
 */
export interface CaptureControl {
  /** Whether this browser can capture the meeting tab (Chrome) or only the microphone (Firefox). */
  readonly tabCapture: boolean;
  /** Current state, then every change, until the returned function is called. */
  watch(listener: (state: CaptureState) => void): () => void;
  /**
   * Starts capture for a live session already started (consent given) with `live.start`. Resolves once
   * capture runs or the phase says what the rep must do (needs-gesture, needs-mic-permission).
   */
  start(input: { liveSessionId: string; mode: 'tab_and_mic' | 'mic_only' }): Promise<void>;
  /** Stops capture; what was recorded is kept and becomes a call. Always works, also offline. */
  stop(): Promise<void>;
  /** Opens the page that asks for the microphone permission once. */
  requestMicPermission(): Promise<void>;
}
