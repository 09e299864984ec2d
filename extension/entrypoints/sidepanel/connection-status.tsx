import { useEffect, useState } from 'react';
import { DEFAULT_API_URL, fetchHealth, type Health } from '../../lib/health';
import { useT } from '../../lib/i18n';

type State = { kind: 'loading' } | { kind: 'ok'; health: Health } | { kind: 'error'; message: string };

/** The foundation's panel: whether the API answers, on which database, and in which mode. */
export function ConnectionStatus({ apiUrl = DEFAULT_API_URL }: { apiUrl?: string }) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchHealth(apiUrl, controller.signal)
      .then((health) => setState({ kind: 'ok', health }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [apiUrl]);

  if (state.kind === 'loading') return <p role="status">{t('connection.connecting', { url: apiUrl })}</p>;
  if (state.kind === 'error')
    return (
      <p role="alert" className="error">
        {t('connection.unreachable', { url: apiUrl, message: state.message })}
      </p>
    );
  const { health } = state;
  return (
    <p role="status" className="muted">
      {t('connection.ok', {
        database: t(health.database.ok ? 'connection.databaseOk' : 'connection.databaseDown'),
        kind: health.database.kind,
        mode: t(health.model.mode === 'llm' ? 'connection.modeLlm' : 'connection.modeRules'),
      })}
    </p>
  );
}
