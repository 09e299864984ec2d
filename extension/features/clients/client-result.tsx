import { useEffect, useId, useRef } from 'react';
import { useT } from '../../lib/i18n';
import type { Client } from '../cockpit/cockpit-client';

/**
 * One client in the search results: open the conversation (active clients), the history, and archive with a
 * confirmation in place, or restore (archived clients, who cannot start a conversation until restored).
 */
export function ClientResult({
  item,
  busy,
  confirming,
  archiving,
  onOpen,
  onHistory,
  onArchive,
  onConfirm,
  onCancel,
  onRestore,
}: {
  item: Client;
  busy: boolean;
  confirming: boolean;
  archiving: boolean;
  onOpen: () => void;
  onHistory: () => void;
  onArchive: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onRestore: () => void;
}) {
  const t = useT();
  const id = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const company = item.contact.company ? <span className="muted"> · {item.contact.company}</span> : null;

  return (
    <li className="client-result">
      {item.archived ? (
        <p className="client-name">
          {item.name}
          {company} <span className="badge">{t('clients.archivedBadge')}</span>
        </p>
      ) : (
        <button
          type="button"
          className="secondary wide"
          disabled={busy}
          aria-label={t('clients.pick', { name: item.name })}
          onClick={onOpen}
        >
          {item.name}
          {company}
        </button>
      )}
      {confirming ? (
        <div role="group" aria-labelledby={`${id}-confirm`} className="confirm">
          <p id={`${id}-confirm`}>{t('clients.archiveConfirm', { name: item.name })}</p>
          <div className="row">
            <button ref={confirmButton} type="button" disabled={archiving} onClick={onConfirm}>
              {archiving ? t('clients.archiving') : t('clients.archiveYes')}
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              {t('clients.archiveNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row actions">
          <button type="button" className="secondary small" aria-label={t('clients.history', { name: item.name })} onClick={onHistory}>
            {t('clients.historyShort')}
          </button>
          {item.archived ? (
            <button type="button" className="secondary small" disabled={busy} aria-label={t('clients.unarchive', { name: item.name })} onClick={onRestore}>
              {t('clients.unarchiveShort')}
            </button>
          ) : (
            <button type="button" className="secondary small" disabled={busy} aria-label={t('clients.archive', { name: item.name })} onClick={onArchive}>
              {t('clients.archiveShort')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
