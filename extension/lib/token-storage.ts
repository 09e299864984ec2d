import type { TokenPair } from '@sufler/shared';

// Kept apart from settings.ts so code that only needs the interface does not load WXT's storage.

/** Where the session's tokens live between panel openings; null when nobody is logged in. */
export interface TokenStorage {
  load(): Promise<TokenPair | null>;
  save(tokens: TokenPair | null): Promise<void>;
}

/** In memory, for tests and for the web cockpit where there is no extension storage. */
export function memoryTokenStorage(initial: TokenPair | null = null): TokenStorage & { current: TokenPair | null } {
  const holder = {
    current: initial,
    async load() {
      return holder.current;
    },
    async save(tokens: TokenPair | null) {
      holder.current = tokens;
    },
  };
  return holder;
}
