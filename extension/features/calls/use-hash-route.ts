import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseRoute, routeHref, sameRoute, type AppRoute } from './app-route';

/** The part of `window` the route lives in; tests may pass another. */
export type RouteWindow = Pick<Window, 'addEventListener' | 'removeEventListener'> & {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'pushState' | 'replaceState'>;
};

/**
 * The app's route, kept in the location hash so a reload stays where the reviewer was, the back button
 * steps back through sections and calls, and a call's address can be shared. The same on the web cockpit
 * and on the extension's sidepanel.html. `navigate` adds a history entry (or replaces the current one).
 */
export function useHashRoute(win: RouteWindow = window) {
  const [hash, setHash] = useState(() => win.location.hash);
  useEffect(() => {
    const read = () => setHash(win.location.hash);
    read();
    // popstate for back and forward; hashchange for an address typed or a plain link followed.
    win.addEventListener('popstate', read);
    win.addEventListener('hashchange', read);
    return () => {
      win.removeEventListener('popstate', read);
      win.removeEventListener('hashchange', read);
    };
  }, [win]);

  const navigate = useCallback(
    (to: AppRoute, { replace = false }: { replace?: boolean } = {}) => {
      if (sameRoute(parseRoute(win.location.hash), to)) return;
      // The assistant is the page itself, with no hash at all.
      const url = to.section === 'assistant' ? `${win.location.pathname}${win.location.search}` : routeHref(to);
      if (replace) win.history.replaceState(null, '', url);
      else win.history.pushState(null, '', url);
      setHash(win.location.hash);
    },
    [win],
  );

  const route = useMemo(() => parseRoute(hash), [hash]);
  return { route, navigate };
}
