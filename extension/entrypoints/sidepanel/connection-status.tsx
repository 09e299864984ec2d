import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { apiConnection, connectionStatus, pollHealth, type ConnectionMonitor } from '../../lib/api-client-connection';
import { DEFAULT_API_URL, fetchHealth, type Health } from '../../lib/health';
import { useT } from '../../lib/i18n';

/**
 * The connection line: whether the API answers (the `/health` poll) and whether the WebSocket holds
 * (the tRPC client's state, fed into the same `monitor`). Lost or reconnecting, it becomes a banner with
 * "retry now"; what the rep types meanwhile waits in the conversation's outbox.
 */
export function ConnectionStatus({
  apiUrl = DEFAULT_API_URL,
  monitor = apiConnection,
  check = (signal) => fetchHealth(apiUrl, signal),
}: {
  apiUrl?: string;
  monitor?: ConnectionMonitor;
  check?: (signal: AbortSignal) => Promise<Health>;
}) {
  const t = useT();
  // `check` is a new function every render: the poll reads the latest one, and restarts only for a new monitor.
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => pollHealth(monitor, (signal) => latest.current(signal)), [apiUrl, monitor]);
  const state = useStore(monitor);
  const status = connectionStatus(state);

  if (status !== 'connected')
    return (
      <div role="status" aria-label={t('connection.banner')} className="banner">
        <p>{t(status === 'lost' ? 'connection.lost' : 'connection.reconnecting', { url: apiUrl })}</p>
        <button type="button" className="secondary" onClick={() => state.retryNow()}>
          {t('connection.retryNow')}
        </button>
      </div>
    );
  if (!state.health) return <p role="status">{t('connection.connecting', { url: apiUrl })}</p>;
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
