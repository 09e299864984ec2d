import type { Platform } from '../../../lib/platform';
import { callHref } from '../../calls/app-route';
import type { CallLink } from './use-live-meeting';

/**
 * Where the call made from a recording opens: in the web cockpit its own route (`#/calls/<id>`); from the
 * side panel, too narrow for a call's review, the web cockpit the API serves, in a new tab.
 */
export function callLinkFor(kind: Platform['kind'], apiUrl: string): (callId: string) => CallLink {
  return (callId) =>
    kind === 'web'
      ? { href: callHref(callId), newTab: false }
      : { href: `${apiUrl.replace(/\/+$/, '')}/${callHref(callId)}`, newTab: true };
}
