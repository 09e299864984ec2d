import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useLanguageStore, useT } from '../../lib/i18n';
import type { CallsClient } from './calls-client';
import { saveDownload, type CallsHttp } from './calls-http';
import { callsKeys } from './use-calls-data';

/** Export the call as PDF (in the UI's language), and delete it after a confirmation in place. */
export function CallActions({
  client,
  http,
  call,
  onDeleted,
}: {
  client: CallsClient;
  http: CallsHttp;
  call: { id: string; title: string };
  onDeleted: () => void;
}) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const id = useId();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const pdf = useMutation({ mutationFn: () => http.reportPdf(call.id, lang), onSuccess: (file) => saveDownload(file) });
  const remove = useMutation({
    mutationFn: () => client.calls.delete.mutate({ id: call.id }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: callsKeys.detail(call.id) });
      void queryClient.invalidateQueries({ queryKey: callsKeys.lists });
      void queryClient.invalidateQueries({ queryKey: callsKeys.dashboards });
      onDeleted();
    },
  });

  return (
    <div className="stack call-actions">
      <div className="row">
        <button type="button" className="secondary" disabled={pdf.isPending} onClick={() => pdf.mutate()}>
          {pdf.isPending ? t('calls.pdf.preparing') : t('calls.pdf.export')}
        </button>
        {!confirming && (
          <button type="button" className="secondary danger" onClick={() => setConfirming(true)}>
            {t('calls.delete')}
          </button>
        )}
      </div>
      {pdf.isError && (
        <p role="alert" className="error">
          {t('calls.pdf.error')}
        </p>
      )}
      {confirming && (
        <div role="group" aria-labelledby={`${id}-confirm`} className="confirm">
          <p id={`${id}-confirm`}>{t('calls.deleteConfirm', { title: call.title })}</p>
          <div className="row">
            <button ref={confirmButton} type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {remove.isPending ? t('calls.deleting') : t('calls.deleteYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('calls.deleteNo')}
            </button>
          </div>
          {remove.isError && (
            <p role="alert" className="error">
              {t('calls.deleteError')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
