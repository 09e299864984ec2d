/**
 * Stands in for `wxt/browser` in the web bundle (see vite.config.ts): a page served by the API has no extension
 * APIs, and code that checks for them (lib/pending-input-storage.ts picks memory storage then) finds none.
 */
export const browser = undefined;
