import { useRef, useState } from 'react';
import { useT, type Translate } from '../../../lib/i18n';
import type { CapturePhase } from '../capture-state';
import { ConsentDialog } from './consent-dialog';
import { formatElapsed, useElapsed } from './elapsed';
import { LevelMeter } from './level-meter';
import { LiveResult } from './live-result';
import type { LiveMeeting, LiveWiring } from './use-live-meeting';

const seconds = (ms: number) => String(Math.ceil(ms / 1000));

/**
 * The capture's controls and state, compact for a panel beside a call: "Listen to the meeting" (through the
 * consent dialog), then what the rep must do or the red recording line with the clock, a level meter per side,
 * whether the transcript follows live, the buffer while the server is away, and Stop, never disabled.
 */
export function LiveControls({ meeting, wiring }: { meeting: LiveMeeting; wiring: LiveWiring }) {
  const t = useT();
  const [consent, setConsent] = useState(false);
  const listen = useRef<HTMLButtonElement>(null);
  const { state, session, stopping } = meeting;
  const phase = stopping ? 'stopping' : state.phase;
  const recording = phase === 'recording' || phase === 'reconnecting';
  const startedAt = state.startedAt ?? (recording && session ? Date.parse(session.startedAt) : null);
  const elapsed = useElapsed(recording ? startedAt : null);
  const micOnly = (state.mode ?? session?.mode) === 'mic_only' || !wiring.capture.tabCapture;

  if (meeting.foreign)
    return (
      <div className="live-controls stack">
        <p role="status">{t('live.otherSession')}</p>
        <StopButton meeting={meeting} />
      </div>
    );

  if (!meeting.active)
    return (
      <div className="live-controls stack">
        <LiveResult meeting={meeting} wiring={wiring} />
        <div className="row">
          <button ref={listen} type="button" onClick={() => setConsent(true)}>
            {t('live.listen')}
          </button>
        </div>
        {!wiring.capture.tabCapture && <p className="hint">{t('live.micOnly')}</p>}
        {consent && (
          <ConsentDialog
            client={wiring.client}
            tabCapture={wiring.capture.tabCapture}
            starting={meeting.start.isPending}
            startError={meeting.start.isError}
            onStart={(notice) => meeting.start.mutate(notice, { onSuccess: () => setConsent(false) })}
            onCancel={() => {
              setConsent(false);
              meeting.start.reset();
              listen.current?.focus();
            }}
          />
        )}
      </div>
    );

  return (
    <div className="live-controls stack" data-phase={phase}>
      <div className="live-bar">
        {recording ? (
          <p className="recording" role="status">
            <span className="rec-dot" aria-hidden="true" />
            <strong>{t('live.recording')}</strong>
          </p>
        ) : meeting.stopError ? (
          <p role="alert" className="error">
            {t('live.stopError')}
          </p>
        ) : (
          <p role="status" className="live-phase">
            {phaseMessage(t, phase, session?.startedAt)}
          </p>
        )}
        {elapsed !== null && (
          <span className="elapsed">
            <span className="visually-hidden">{t('live.elapsed')}: </span>
            {formatElapsed(elapsed)}
          </span>
        )}
        <StopButton meeting={meeting} />
      </div>
      {phase === 'needs-mic-permission' && (
        <button type="button" className="secondary" onClick={() => void wiring.capture.requestMicPermission()}>
          {t('live.micPermission')}
        </button>
      )}
      {phase === 'error' && state.error && <p className="error">{state.error.message}</p>}
      {meeting.captureError && (
        <p role="alert" className="error">
          {t('live.captureError')}
        </p>
      )}
      {recording && (
        <div className="levels" role="group" aria-label={t('live.levels')}>
          <LevelMeter side="CONSULTANT" level={state.levels.consultant} />
          <LevelMeter side="CLIENT" level={state.levels.client} captured={!micOnly} />
        </div>
      )}
      {phase === 'reconnecting' && (
        <p role="status" className="warning">
          {t('live.buffering', { seconds: seconds(state.unackedMs) })}
        </p>
      )}
      {state.droppedMs > 0 && <p className="warning">{t('live.dropped', { seconds: seconds(state.droppedMs) })}</p>}
      {recording && session && (
        <p className={session.transcription === 'off' ? 'warning' : 'hint'}>{t(`live.transcription.${session.transcription}`)}</p>
      )}
      {recording && micOnly && <p className="hint">{t('live.micOnly')}</p>}
    </div>
  );
}

function clock(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** What a phase asks of the rep; idle or stopped here means the server still records (a panel reopened). */
function phaseMessage(t: Translate, phase: CapturePhase, startedAt: string | undefined): string {
  switch (phase) {
    case 'needs-gesture':
    case 'needs-mic-permission':
    case 'starting':
    case 'stopping':
    case 'error':
      return t(`live.phase.${phase}`);
    default:
      return t('live.activeElsewhere', { time: clock(startedAt) });
  }
}

/** Stop: enabled in every phase of a capture, also while stopping (asking again is harmless). */
function StopButton({ meeting }: { meeting: LiveMeeting }) {
  const t = useT();
  return (
    <button type="button" className="danger stop" onClick={() => void meeting.stop()}>
      {meeting.stopping ? (
        t('live.stopping')
      ) : (
        <>
          {t('live.stop')}
          <span className="visually-hidden"> {t('live.stopWhat')}</span>
        </>
      )}
    </button>
  );
}
