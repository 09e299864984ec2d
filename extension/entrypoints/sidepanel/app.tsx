import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Cockpit } from '../../features/cockpit/cockpit';
import type { CockpitClient } from '../../features/cockpit/cockpit-client';
import { ResilienceProvider, type Resilience } from '../../features/cockpit/resilience';
import { createApiClient } from '../../lib/api-client';
import { apiConnection } from '../../lib/api-client-connection';
import { createAuthStore, sessionBridge, type AuthClient, type AuthStore } from '../../lib/auth-store';
import { useT } from '../../lib/i18n';
import type { Platform } from '../../lib/platform';
import { useSettings } from '../../lib/use-settings';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';
import { LoginForm } from './login-form';
import { SessionBar } from './session-bar';

/**
 * The cockpit's screens: connection line, then the login form or the signed-in user's cockpit. The same
 * component is the side panel and the web cockpit; `platform` says where settings, tokens and the resume
 * point are kept. The web cockpit has no options page, so it shows the language switch itself.
 */
export function App({ platform }: { platform: Platform }) {
  const t = useT();
  const settings = useSettings(platform.settings);
  return (
    <main>
      <div className="row app-header">
        <h1>{t('appTitle')}</h1>
        {settings && platform.kind === 'web' && (
          <LanguageSwitch language={settings.language} onChange={(language) => void platform.settings.save({ ...settings, language })} />
        )}
      </div>
      {settings && (
        <>
          <ConnectionStatus apiUrl={settings.apiUrl} />
          {/* A new address is a new API: a fresh client and session store, keyed by it. */}
          <Session key={settings.apiUrl} apiUrl={settings.apiUrl} platform={platform} />
        </>
      )}
    </main>
  );
}

function createSession(
  apiUrl: string,
  storage: Platform['tokens'],
): { store: AuthStore; client: CockpitClient; queryClient: QueryClient } {
  // The client reads tokens from the store and the store calls the client: the getter breaks the cycle.
  const ref: { client?: AuthClient } = {};
  const store = createAuthStore({ client: () => ref.client!, storage });
  const { client } = createApiClient({ apiUrl, session: sessionBridge(store, storage) });
  ref.client = client;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000 } } });
  return { store, client, queryClient };
}

function Session({ apiUrl, platform }: { apiUrl: string; platform: Platform }) {
  const t = useT();
  const [{ store, client, queryClient }] = useState(() => createSession(apiUrl, platform.tokens));
  // Unsent input is kept where the platform keeps it (extension storage, or localStorage on the web).
  const [resilience] = useState<Resilience>(() => ({ storage: platform.pendingInput, connection: apiConnection }));
  const status = useStore(store, (state) => state.status);
  const restored = useStore(store, (state) => state.restored);
  const user = useStore(store, (state) => state.user);

  useEffect(() => {
    void store.getState().restore();
  }, [store]);

  if (!restored) return <p role="status">{t('session.restoring')}</p>;
  if (status !== 'authenticated') return <LoginForm store={store} web={platform.kind === 'web'} />;
  return (
    <QueryClientProvider client={queryClient}>
      <SessionBar store={store} />
      <ResilienceProvider value={resilience}>
        {/* Keyed by the user: signing in as someone else starts from a clean cockpit. */}
        <Cockpit key={user?.id ?? ''} client={client} resume={platform.resume} />
      </ResilienceProvider>
    </QueryClientProvider>
  );
}
