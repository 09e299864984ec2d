import { useT } from '../../lib/i18n';

/** A failed load or request: the message and a "Try again" button, announced together as one alert. */
export function ErrorWithRetry({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <div role="alert" className="row">
      <p className="error">{message}</p>
      <button type="button" className="secondary" onClick={onRetry}>
        {t('cockpit.retry')}
      </button>
    </div>
  );
}
