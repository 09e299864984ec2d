import { useEffect, useState } from 'react';
import { DEFAULT_API_URL, fetchHealth, type Health } from '../../lib/health';

type State = { kind: 'loading' } | { kind: 'ok'; health: Health } | { kind: 'error'; message: string };

/** The foundation's panel: whether the API answers, on which database, and in which mode. */
export function ConnectionStatus({ apiUrl = DEFAULT_API_URL }: { apiUrl?: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchHealth(apiUrl, controller.signal)
      .then((health) => setState({ kind: 'ok', health }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [apiUrl]);

  if (state.kind === 'loading') return <p role="status">Łączenie z {apiUrl}…</p>;
  if (state.kind === 'error') return <p role="alert">Brak połączenia z API ({apiUrl}): {state.message}</p>;
  const { health } = state;
  return (
    <p role="status">
      API: {health.database.ok ? 'połączono' : 'baza niedostępna'} ({health.database.kind}) · tryb:{' '}
      {health.model.mode === 'llm' ? 'model AI' : 'reguły (bez modelu)'}
    </p>
  );
}
