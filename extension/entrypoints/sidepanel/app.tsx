import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Cockpit } from '../../features/cockpit/cockpit';
import type { CockpitClient } from '../../features/cockpit/cockpit-client';
import type { CallsClient } from '../../features/calls/calls-client';
import { createCallsHttp, type CallsHttp } from '../../features/calls/calls-http';
import { scorecardRoute, type AppRoute } from '../../features/calls/app-route';
import { CallsDashboard, CallsScreen, LoadingSection, ScorecardScreen } from '../../features/calls/lazy-screens';
import { createLeaveGuard, useLeaveGuardListening } from '../../features/calls/scorecard-leave-guard';
import { SectionSwitch } from '../../features/calls/section-nav';
import { useHashRoute } from '../../features/calls/use-hash-route';
import { ResilienceProvider, type Resilience } from '../../features/cockpit/resilience';
import { callLinkFor } from '../../features/live/ui/call-link';
import type { LiveClient } from '../../features/live/ui/live-client';
import { LiveNoticeEditor } from '../../features/live/ui/lazy-live-notice-editor';
import type { LiveWiring } from '../../features/live/ui/use-live-meeting';
import { createApiClient } from '../../lib/api-client';
import { apiConnection } from '../../lib/api-client-connection';
import { createAuthStore, sessionBridge, type AuthClient, type AuthStore } from '../../lib/auth-store';
import { useT } from '../../lib/i18n';
import type { Platform } from '../../lib/platform';
import { useSettings } from '../../lib/use-settings';
import { ConnectionStatus } from './connection-status';
import { LanguageSwitch } from './language-switch';
import { LoginForm } from './login-form';
import type { PanelCapture } from './panel-capture';
import { SessionBar } from './session-bar';

/**
 * The cockpit's screens: connection line, then the login form or the signed-in user's cockpit. The same
 * component is the side panel and the web cockpit; `platform` says where settings, tokens and the resume
 * point are kept. The web cockpit has no options page, so it shows the language switch itself.
 * `capture` (the side panel only) lets the conversation listen to a meeting (issue 11).
 */
export function App({ platform, capture }: { platform: Platform; capture?: PanelCapture }) {
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
          <Session key={settings.apiUrl} apiUrl={settings.apiUrl} platform={platform} capture={capture} />
        </>
      )}
    </main>
  );
}

function createSession(
  apiUrl: string,
  storage: Platform['tokens'],
): { store: AuthStore; client: CockpitClient & CallsClient & LiveClient; http: CallsHttp; queryClient: QueryClient; touch: () => Promise<unknown> } {
  // The client reads tokens from the store and the store calls the client: the getter breaks the cycle.
  const ref: { client?: AuthClient } = {};
  const store = createAuthStore({ client: () => ref.client!, storage });
  const { client } = createApiClient({ apiUrl, session: sessionBridge(store, storage) });
  ref.client = client;
  // Uploads and downloads are plain HTTP; after a 401 any tRPC call renews the token (its link refreshes once).
  const http = createCallsHttp({
    apiUrl,
    getToken: () => store.getState().tokens?.accessToken,
    refresh: () => client.auth.me.query().then(
      () => true,
      () => false,
    ),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000 } } });
  // Any authenticated call: an expired token is refreshed on the way (for the live capture's socket).
  const touch = () => client.auth.me.query();
  return { store, client, http, queryClient, touch };
}

function Session({ apiUrl, platform, capture }: { apiUrl: string; platform: Platform; capture?: PanelCapture }) {
  const t = useT();
  const [{ store, client, http, queryClient, touch }] = useState(() => createSession(apiUrl, platform.tokens));
  const [live] = useState<LiveWiring | undefined>(
    () => capture && { capture: capture.control, client, callLink: callLinkFor(platform.kind, apiUrl) },
  );
  // The live socket's hello needs a fresh access token: this session's, refreshed through its own client.
  useEffect(
    () => capture?.lendTokens({ getTokens: () => store.getState().tokens, touch }),
    [capture, store, touch],
  );
  // Unsent input is kept where the platform keeps it (extension storage, or localStorage on the web).
  const [resilience] = useState<Resilience>(() => ({ storage: platform.pendingInput, connection: apiConnection }));
  const status = useStore(store, (state) => state.status);
  const restored = useStore(store, (state) => state.restored);
  const user = useStore(store, (state) => state.user);
  // A scorecard form with unsaved changes holds the guard: the app's own moves ask it first (`go`), and it
  // hears the browser's back and forward before the route does (so it listens first).
  const [leaveGuard] = useState(() => createLeaveGuard());
  useLeaveGuardListening(leaveGuard);
  // The section and the open call live in the address (#/calls/<id>): reload, back and shared links work.
  const { route, navigate } = useHashRoute();
  // While another section is shown, the calls section keeps the call it had open (back returns to it as left).
  const [callsOpen, setCallsOpen] = useState(route.callId);
  if (route.section === 'calls' && route.callId !== callsOpen) setCallsOpen(route.callId);
  // The same for the scorecard template open.
  const [scorecardOpen, setScorecardOpen] = useState(route.scorecardKey ?? null);
  if (route.section === 'scorecards' && (route.scorecardKey ?? null) !== scorecardOpen) setScorecardOpen(route.scorecardKey ?? null);
  const go = (to: AppRoute, options?: { replace?: boolean }) => {
    if (leaveGuard.confirmLeave()) navigate(to, options);
  };

  useEffect(() => {
    void store.getState().restore();
  }, [store]);

  if (!restored) return <p role="status">{t('session.restoring')}</p>;
  if (status !== 'authenticated') return <LoginForm store={store} web={platform.kind === 'web'} />;
  return (
    <QueryClientProvider client={queryClient}>
      <SessionBar store={store} />
      {/* Keyed by the user: signing in as someone else starts from a clean cockpit. */}
      <SectionSwitch
        key={user?.id ?? ''}
        current={route.section}
        onNavigate={(section) => go({ section, callId: null })}
        sections={{
          assistant: (
            <ResilienceProvider value={resilience}>
              <Cockpit client={client} resume={platform.resume} live={live} />
            </ResilienceProvider>
          ),
          calls: user && (
            <LoadingSection>
              <CallsScreen
                client={client}
                http={http}
                user={user}
                callId={callsOpen}
                onOpen={(callId) => navigate({ section: 'calls', callId })}
                onClose={() => navigate({ section: 'calls', callId: null })}
              />
            </LoadingSection>
          ),
          dashboard: (
            <LoadingSection>
              <CallsDashboard client={client} http={http} role={user?.role ?? 'consultant'} />
            </LoadingSection>
          ),
          // Templates shape how everyone is scored: admins only (as the API's scorecards.save); others have no link.
          scorecards:
            user?.role === 'admin' ? (
              <LoadingSection>
                <ScorecardScreen
                  client={client}
                  guard={leaveGuard}
                  scorecardKey={scorecardOpen}
                  onNavigate={(key, options) => go(scorecardRoute(key), options)}
                />
                {/* The consent notice reps confirm before a meeting is recorded: admins edit it here, under the templates. */}
                {scorecardOpen === null && <LiveNoticeEditor client={client} />}
              </LoadingSection>
            ) : undefined,
        }}
      />
    </QueryClientProvider>
  );
}
