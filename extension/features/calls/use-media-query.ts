import { useSyncExternalStore } from 'react';

/**
 * A wide screen: the stylesheet widens the page for calls and the dashboard from here on (ui.css, "wide
 * screens"), and the call list becomes a table. A side panel is never this wide.
 */
export const WIDE_SCREEN = '(min-width: 1024px)';

/** Whether a media query matches now, following changes (a window resized, a phone turned). */
export function useMediaQuery(query: string, win: Pick<Window, 'matchMedia'> | undefined = globalThis.window): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = win?.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => win?.matchMedia?.(query).matches ?? false,
    () => false,
  );
}
