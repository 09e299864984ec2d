import { useId } from 'react';
import { useT } from '../../lib/i18n';
import { defaultPageReadingPort, type PageReadingPort } from './page-reading-port';
import { usePendingSelection } from './use-pending-selection';

/** Before a session is open: the selection waits, and the rep is asked to choose a client for it. */
export function PendingSelectionNotice({
  port = defaultPageReadingPort(),
  now,
}: {
  port?: PageReadingPort | null;
  now?: () => number;
}) {
  const t = useT();
  const id = useId();
  const { pending, discard } = usePendingSelection(port, now);
  if (!pending) return null;
  return (
    <section className="card pending-selection" aria-labelledby={`${id}-heading`} data-testid="pending-selection">
      <h2 id={`${id}-heading`}>{t('pageReading.pendingHeading')}</h2>
      <blockquote className="quote">{pending.text}</blockquote>
      {pending.pageTitle && <p className="muted">{t('pageReading.pendingFrom', { title: pending.pageTitle })}</p>}
      <p role="status">{t('pageReading.pendingChooseClient')}</p>
      <button type="button" className="secondary" onClick={() => discard(pending)} data-testid="pending-selection-discard">
        {t('pageReading.pendingDiscard')}
      </button>
    </section>
  );
}
