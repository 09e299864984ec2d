import { IdSchema, ScorecardKeySchema } from '@sufler/shared';
import type { MouseEvent } from 'react';

/** The app's sections; `scorecards` (the templates' editor) is shown to admins only (section-nav.tsx). */
export const SECTIONS = ['assistant', 'calls', 'dashboard', 'scorecards'] as const;
export type Section = (typeof SECTIONS)[number];

/** The scorecard route of a template not saved yet: not a key (keys are capitals), so it never clashes. */
export const NEW_SCORECARD = 'new';

/**
 * Where the reviewer is: the section and, in the calls section, the open call (null: the list); in the
 * scorecards section, the open template's key or NEW_SCORECARD (null or absent: the list).
 */
export interface AppRoute {
  section: Section;
  callId: string | null;
  scorecardKey?: string | null;
}

export const ASSISTANT: AppRoute = { section: 'assistant', callId: null };

/**
 * The route in a location hash: `#/calls`, `#/calls/<id>`, `#/dashboard`, `#/scorecards`,
 * `#/scorecards/<KEY>` (or `/new`); no hash (or anything else) is the assistant. An id that is not a call
 * id, or a key that is not a scorecard key, shows the list rather than asking the API about it.
 */
export function parseRoute(hash: string): AppRoute {
  const [section, id, ...rest] = hash.replace(/^#\/?/, '').split(/[?]/)[0]!.split('/').filter(Boolean);
  if (section === 'dashboard' && id === undefined) return { section: 'dashboard', callId: null };
  if (section === 'calls' && rest.length === 0) {
    const callId = id !== undefined && IdSchema.safeParse(id).success ? id.toLowerCase() : null;
    return { section: 'calls', callId };
  }
  if (section === 'scorecards' && rest.length === 0) return { section: 'scorecards', callId: null, scorecardKey: scorecardKeyOf(id) };
  return ASSISTANT;
}

/** The hash of a route, for links (`#/` is the assistant: a link needs some hash to stay on the page). */
export function routeHref(route: AppRoute): string {
  if (route.section === 'assistant') return '#/';
  if (route.section === 'calls' && route.callId) return `#/calls/${encodeURIComponent(route.callId)}`;
  if (route.section === 'scorecards' && route.scorecardKey) return `#/scorecards/${encodeURIComponent(route.scorecardKey)}`;
  return `#/${route.section}`;
}

function scorecardKeyOf(segment: string | undefined): string | null {
  if (segment === undefined) return null;
  if (segment === NEW_SCORECARD) return NEW_SCORECARD;
  const key = ScorecardKeySchema.safeParse(segment.toUpperCase());
  return key.success ? key.data : null;
}

export const scorecardRoute = (scorecardKey: string | null): AppRoute => ({ section: 'scorecards', callId: null, scorecardKey });

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
