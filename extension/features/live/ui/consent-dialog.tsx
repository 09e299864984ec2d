import { useQuery } from '@tanstack/react-query';
import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { LiveNotice } from '@sufler/shared';
import { useT } from '../../../lib/i18n';
import { ErrorWithRetry } from '../../cockpit/error-with-retry';
import { liveKeys, type LiveClient } from './live-client';

/**
 * The consent gate (issue 11): the admin's notice to read to the client, headphones advice, on Firefox
 * why only the microphone is recorded, and the confirmation without which nothing starts. A native modal
 * `<dialog>`: focus stays inside, Escape cancels. Mounted only while open, so every opening starts unticked.
 */
export function ConsentDialog({
  client,
  tabCapture,
  starting,
  startError,
  onStart,
  onCancel,
}: {
  client: LiveClient;
  tabCapture: boolean;
  starting: boolean;
  startError: boolean;
  onStart(notice: LiveNotice): void;
  onCancel(): void;
}) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [missing, setMissing] = useState(false);
  const notice = useQuery({ queryKey: liveKeys.notice, queryFn: () => client.live.notice.query(), staleTime: 60_000 });

  // Layout effect: its cleanup runs before React removes the node, so the browser can restore the focus.
  useLayoutEffect(() => {
    const node = dialog.current!;
    if (!node.open) node.showModal();
    return () => node.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!notice.data || starting) return;
    if (!confirmed) {
      setMissing(true);
      checkbox.current?.focus();
      return;
    }
    onStart(notice.data);
  };

  return (
    <dialog
      ref={dialog}
      className="consent-dialog"
      aria-labelledby={`${id}-heading`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <h2 id={`${id}-heading`}>{t('live.consent.heading')}</h2>
        {notice.isPending ? (
          <p role="status">{t('live.consent.loading')}</p>
        ) : notice.isError ? (
          <ErrorWithRetry message={t('live.consent.loadError')} onRetry={() => void notice.refetch()} />
        ) : (
          <div>
            <p className="label-like">{t('live.consent.tell')}</p>
            <blockquote className="quote">{notice.data.text}</blockquote>
          </div>
        )}
        {!tabCapture && (
          <p className="warning">
            {t('live.micOnly')} {t('live.micOnlyUpload')}
          </p>
        )}
        <p className="hint">{t('live.headphones')}</p>
        <label className="choice">
          <input
            ref={checkbox}
            type="checkbox"
            checked={confirmed}
            required
            aria-invalid={missing && !confirmed}
            aria-describedby={missing && !confirmed ? `${id}-missing` : undefined}
            onChange={(event) => setConfirmed(event.target.checked)}
          />
          {t('live.consent.confirm')}
        </label>
        {missing && !confirmed && (
          <p id={`${id}-missing`} role="alert" className="error">
            {t('live.consent.required')}
          </p>
        )}
        {startError && (
          <p role="alert" className="error">
            {t('live.consent.startError')}
          </p>
        )}
        <div className="row">
          <button type="submit" disabled={!notice.data || starting}>
            {starting ? t('live.consent.starting') : t('live.consent.start')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('live.consent.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
