import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createApiClient } from '../../lib/api-client';
import { createAuthStore, sessionBridge, type AuthClient, type AuthStore } from '../../lib/auth-store';
import { useT } from '../../lib/i18n';
import { browserTokenStorage } from '../../lib/settings';
import { useSettings } from '../../lib/use-settings';
import { ConnectionStatus } from './connection-status';
import { LoginForm } from './login-form';
import { SessionBar } from './session-bar';

/** The side panel: connection line, then the login form or the signed-in user. */
export function App() {
  const t = useT();
  const settings = useSettings();
  return (
    <main>
      <h1>{t('appTitle')}</h1>
      {settings && (
        <>
          <ConnectionStatus apiUrl={settings.apiUrl} />
          {/* A new address is a new API: a fresh client and session store, keyed by it. */}
          <Session key={settings.apiUrl} apiUrl={settings.apiUrl} />
        </>
      )}
    </main>
  );
}

function createSession(apiUrl: string): AuthStore {
  const storage = browserTokenStorage();
  // The client reads tokens from the store and the store calls the client: the getter breaks the cycle.
  const ref: { client?: AuthClient } = {};
  const store = createAuthStore({ client: () => ref.client!, storage });
  ref.client = createApiClient({ apiUrl, session: sessionBridge(store, storage) }).client;
  return store;
}

function Session({ apiUrl }: { apiUrl: string }) {
  const t = useT();
  const [store] = useState(() => createSession(apiUrl));
  const status = useStore(store, (state) => state.status);
  const restored = useStore(store, (state) => state.restored);

  useEffect(() => {
    void store.getState().restore();
  }, [store]);

  if (!restored) return <p role="status">{t('session.restoring')}</p>;
  return status === 'authenticated' ? <SessionBar store={store} /> : <LoginForm store={store} />;
}
