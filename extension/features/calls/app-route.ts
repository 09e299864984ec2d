import { IdSchema } from '@sufler/shared';
import type { MouseEvent } from 'react';

export const SECTIONS = ['assistant', 'calls', 'dashboard'] as const;
export type Section = (typeof SECTIONS)[number];

/** Where the reviewer is: the section and, in the calls section, the open call (null: the list). */
export interface AppRoute {
  section: Section;
  callId: string | null;
}

export const ASSISTANT: AppRoute = { section: 'assistant', callId: null };

/**
 * The route in a location hash: `#/calls`, `#/calls/<id>`, `#/dashboard`; no hash (or anything else) is the
 * assistant. An id that is not a call id shows the list rather than asking the API about it.
 */
export function parseRoute(hash: string): AppRoute {
  const [section, id, ...rest] = hash.replace(/^#\/?/, '').split(/[?]/)[0]!.split('/').filter(Boolean);
  if (section === 'dashboard' && id === undefined) return { section: 'dashboard', callId: null };
  if (section === 'calls' && rest.length === 0) {
    const callId = id !== undefined && IdSchema.safeParse(id).success ? id.toLowerCase() : null;
    return { section: 'calls', callId };
  }
  return ASSISTANT;
}

/** The hash of a route, for links (`#/` is the assistant: a link needs some hash to stay on the page). */
export function routeHref(route: AppRoute): string {
  if (route.section === 'assistant') return '#/';
  if (route.section === 'calls' && route.callId) return `#/calls/${encodeURIComponent(route.callId)}`;
  return `#/${route.section}`;
}

export const callHref = (callId: string) => routeHref({ section: 'calls', callId });

export const sameRoute = (a: AppRoute, b: AppRoute) => routeHref(a) === routeHref(b);

/**
 * A link's click that the app handles itself (`action`), leaving to the browser what it does better: a
 * modified or middle click opens the link in a new tab or window, with the route in its address.
 */
export function followLink(event: MouseEvent<HTMLAnchorElement>, action: () => void): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  action();
}
