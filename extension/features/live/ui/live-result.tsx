import { useT } from '../../../lib/i18n';
import type { LiveMeeting, LiveWiring } from './use-live-meeting';

/** After Stop: the call the recording became (a link), or that it is being made, or that it failed. */
export function LiveResult({ meeting, wiring }: { meeting: LiveMeeting; wiring: LiveWiring }) {
  const t = useT();
  const { session, state, callId } = meeting;
  const ended = state.phase === 'stopped' || (session !== null && session.status !== 'recording');
  if (!ended && !meeting.stopError) return null;
  const link = callId ? wiring.callLink(callId) : null;
  const failed = !link && (session?.status === 'failed' || session?.status === 'stopped');
  return (
    <div className="live-result stack">
      {meeting.stopError && (
        <p role="alert" className="error">
          {t('live.stopError')}
        </p>
      )}
      {link ? (
        <p role="status" className="ok">
          {t('live.saved')}{' '}
          <a href={link.href} {...(link.newTab && { target: '_blank', rel: 'noopener noreferrer' })}>
            {t('live.openCall')}
            {link.newTab && <span className="visually-hidden"> {t('live.newTab')}</span>}
          </a>
        </p>
      ) : failed ? (
        <p role="alert" className="error">
          {t('live.failed')}
          {session?.error ? ` (${session.error})` : ''}
        </p>
      ) : (
        ended && <p role="status">{t('live.saving')}</p>
      )}
    </div>
  );
}
