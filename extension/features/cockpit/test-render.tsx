import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';
import { Conversation } from './conversation';
import { sessionWith } from './test-fixtures';

/** Wraps a screen in a fresh query client that never retries, so a failure shows at once. */
export function withQueries(children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** Renders the conversation of one session against a fake client. */
export const renderConversation = (client: CockpitClient, session: SessionWithInteractions = sessionWith()) =>
  render(withQueries(<Conversation client={client} session={session} onReload={() => undefined} />));
