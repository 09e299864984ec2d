import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useT } from '../../lib/i18n';
import { ErrorWithRetry } from '../cockpit/error-with-retry';
import type { CallsHttp } from './calls-http';
import type { Player } from './use-player';

/**
 * The recording, fetched with the bearer header (an `<audio src>` cannot send one) and played from an object
 * URL, freed when the call is closed.
 */
export function AudioPlayer({ http, callId, title, player }: { http: CallsHttp; callId: string; title: string; player: Player }) {
  const t = useT();
  const audio = useQuery({
    queryKey: ['calls', 'audio', callId],
    queryFn: ({ signal }) => http.audio(callId, signal),
    // A blob can be large: keep it only while this call is open.
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const url = useObjectUrl(audio.data);

  return (
    <div className="player">
      {audio.isError ? (
        <ErrorWithRetry message={t('calls.audio.error')} onRetry={() => void audio.refetch()} />
      ) : !url ? (
        <p role="status" className="muted">
          {t('calls.audio.loading')}
        </p>
      ) : null}
      <audio
        ref={player.ref}
        controls
        preload="metadata"
        src={url ?? undefined}
        hidden={!url}
        aria-label={t('calls.audio.label', { title })}
        {...player.events}
      />
    </div>
  );
}

function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [blob]);
  return url;
}
