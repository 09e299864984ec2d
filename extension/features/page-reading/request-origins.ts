import type { PageReadingBrowser } from './page-reading-browser';

type WithPermissions = PageReadingBrowser & { permissions?: { request(permissions: { origins: string[] }): Promise<boolean> } };

/**
 * Asks for optional host access (declared in wxt.config.ts). Call it straight from a click or submit
 * handler, before any await: browsers grant the request only inside the user's gesture.
 */
export function requestOrigins(api: PageReadingBrowser | null, origins: string[]): Promise<boolean> {
  const permissions = (api as WithPermissions | null)?.permissions;
  if (!permissions) return Promise.resolve(false);
  try {
    return permissions.request({ origins }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
