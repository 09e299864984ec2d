import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../../lib/i18n';
import { ErrorWithRetry } from '../../cockpit/error-with-retry';
import { liveKeys, type LiveClient } from './live-client';

const MIN = 10;
const MAX = 2000;

/**
 * The admin's consent notice (issue 11): the text a consultant sees, and reads to the client, before a
 * meeting is recorded. Saving makes a new version; each recording's audit entry names the one that was shown.
 */
export function LiveNoticeEditor({ client }: { client: LiveClient }) {
  const t = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const notice = useQuery({ queryKey: liveKeys.notice, queryFn: () => client.live.notice.query() });
  // null: untouched, the stored text is shown.
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: (text: string) => client.live.saveNotice.mutate({ text }),
    onSuccess: (saved) => {
      queryClient.setQueryData(liveKeys.notice, saved);
      setDraft(null);
    },
  });
  const text = draft ?? notice.data?.text ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length < MIN || trimmed.length > MAX) return setInvalid(true);
    setInvalid(false);
    save.mutate(trimmed);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="stack live-notice">
      <h2 id={`${id}-heading`}>{t('live.notice.heading')}</h2>
      <p className="hint">{t('live.notice.intro')}</p>
      {notice.isPending ? (
        <p role="status">{t('live.consent.loading')}</p>
      ) : notice.isError ? (
        <ErrorWithRetry message={t('live.notice.loadError')} onRetry={() => void notice.refetch()} />
      ) : (
        <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
          <label htmlFor={`${id}-text`}>{t('live.notice.label')}</label>
          <textarea
            id={`${id}-text`}
            value={text}
            rows={5}
            maxLength={MAX}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-invalid` : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              save.reset();
            }}
          />
          {invalid && (
            <p id={`${id}-invalid`} role="alert" className="error">
              {t('live.notice.length')}
            </p>
          )}
          {save.isError && (
            <p role="alert" className="error">
              {t('live.notice.saveError')}
            </p>
          )}
          {save.isSuccess && (
            <p role="status" className="ok">
              {t('live.notice.saved', { version: String(save.data.version) })}
            </p>
          )}
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('live.notice.saving') : t('live.notice.save')}
          </button>
        </form>
      )}
    </section>
  );
}
