import { useLanguageStore, useT } from '../../lib/i18n';
import { ProgressBar } from './progress-bar';
import type { UploadItem } from './upload-store';

const formatSize = (bytes: number, lang: string) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang)} kB`;

/** One file of the upload: progress and cancel while it goes, then the call (new or already there) or the error. */
export function UploadItemRow({
  item,
  onCancel,
  onDismiss,
  onOpen,
}: {
  item: UploadItem;
  onCancel: () => void;
  onDismiss: () => void;
  onOpen: (callId: string) => void;
}) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  return (
    <li className="upload-item" data-status={item.status}>
      <p className="upload-name">
        {item.name} <span className="muted">({formatSize(item.sizeBytes, lang)})</span>
      </p>
      {item.status === 'uploading' ? (
        <>
          <ProgressBar value={item.progress} label={t('calls.upload.progress', { name: item.name })} />
          <button type="button" className="secondary small" aria-label={t('calls.upload.cancelFile', { name: item.name })} onClick={onCancel}>
            {t('calls.upload.cancel')}
          </button>
        </>
      ) : (
        <div role="status" className="stack">
          {item.status === 'failed' && item.error && (
            <>
              <p className="error">{t(`calls.upload.error.${item.error.code}`)}</p>
              {item.error.message && <p className="muted">{item.error.message}</p>}
            </>
          )}
          {item.status === 'cancelled' && <p className="muted">{t('calls.upload.cancelled')}</p>}
          {item.status === 'done' && <p className="ok">{t('calls.upload.done')}</p>}
          {item.status === 'duplicate' && <p>{t('calls.upload.duplicate')}</p>}
          <div className="row">
            {item.call && (
              <button type="button" className="secondary small" onClick={() => onOpen(item.call!.id)}>
                {t(item.status === 'duplicate' ? 'calls.upload.openExisting' : 'calls.upload.open', { title: item.call.title })}
              </button>
            )}
            <button type="button" className="secondary small" aria-label={t('calls.upload.dismissFile', { name: item.name })} onClick={onDismiss}>
              {t('calls.upload.dismiss')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
