/**
 * Stands in for `wxt/utils/storage` in the web bundle (see vite.config.ts). lib/settings.ts defines its storage
 * items when it is imported, and the web cockpit imports it for its schemas; the real module would bring WXT's
 * browser wrapper into a page that has no extension APIs. Using an item here is a bug, so it fails loudly.
 */
const unavailable = () => Promise.reject(new Error('Extension storage is not available in the web cockpit.'));

export const storage = {
  defineItem: () => ({
    getValue: unavailable,
    setValue: unavailable,
    removeValue: unavailable,
    watch: () => () => undefined,
  }),
};
