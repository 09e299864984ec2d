import { useT } from '../../../lib/i18n';
import { LiveControls } from './live-controls';
import { LiveTranscriptTicker } from './live-transcript-ticker';
import { useLiveMeeting, type LiveWiring } from './use-live-meeting';

/**
 * The live part of the conversation screen: the transcript ticker (while a live session of this
 * conversation is known) above the capture's controls.
 */
export function LiveMeetingPanel({ wiring, sessionId, onAnalysis }: { wiring: LiveWiring; sessionId: string; onAnalysis(): void }) {
  const t = useT();
  const meeting = useLiveMeeting({ wiring, sessionId, onAnalysis });
  const transcribed = meeting.session !== null && !meeting.foreign && meeting.session.transcription === 'live';
  return (
    <section aria-label={t('live.heading')} className="live stack">
      {transcribed && (meeting.active || meeting.segments.length > 0) && <LiveTranscriptTicker segments={meeting.segments} />}
      <LiveControls meeting={meeting} wiring={wiring} />
    </section>
  );
}
