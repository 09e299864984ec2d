import { createContext, useContext, useState, type ReactNode } from 'react';
import { apiConnection, type ConnectionMonitor } from '../../lib/api-client-connection';
import { defaultPendingInputStorage, type PendingInputStorage } from '../../lib/pending-input-storage';

/** What the conversation needs to lose nothing: where unsent input is kept, and whether the API is reachable. */
export interface Resilience {
  storage: PendingInputStorage;
  connection: ConnectionMonitor;
}

const ResilienceContext = createContext<Resilience | null>(null);

/** Tests (and a host page that keeps input elsewhere) pass their own; without it, the defaults below. */
export function ResilienceProvider({ value, children }: { value: Resilience; children: ReactNode }) {
  return <ResilienceContext.Provider value={value}>{children}</ResilienceContext.Provider>;
}

/** The provided ports, or the page's `apiConnection` and extension storage (memory where there is none). */
export function useResilience(): Resilience {
  const provided = useContext(ResilienceContext);
  const [fallback] = useState<Resilience | null>(() => (provided ? null : { storage: defaultPendingInputStorage(), connection: apiConnection }));
  return provided ?? fallback!;
}
