import { useEffect, useState } from 'react';
import { IDLE_CAPTURE, type CapturePhase, type CaptureControl, type CaptureState } from '../capture-state';

/** The capture's state, followed for as long as the component is mounted (`watch` gives the current one first). */
export function useCaptureState(control: CaptureControl): CaptureState {
  const [state, setState] = useState<CaptureState>(IDLE_CAPTURE);
  useEffect(() => control.watch(setState), [control]);
  return state;
}

/** Phases in which something is (or is about to be) captured: Stop is offered and always enabled. */
export const ACTIVE_PHASES: ReadonlySet<CapturePhase> = new Set([
  'needs-gesture',
  'needs-mic-permission',
  'starting',
  'recording',
  'reconnecting',
  'stopping',
  'error',
]);
