import { defineConfig } from 'wxt';

/**
 * Least privilege: no content script is declared for any site and no host is granted at install. The page
 * reader is injected on demand (`scripting`) into the tab the rep acted on: the toolbar button, the context
 * menu and the shortcut grant `activeTab` for it. Other hosts (a non-default API address, a CRM the rep
 * configured in the options) are optional, requested from the options page when the rep saves them.
 */
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

// The extension's sources live in extension/; WXT writes builds to .output/ (chrome-mv3, firefox-mv2).
export default defineConfig({
  srcDir: 'extension',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Sufler',
    description: 'AI sales co-pilot beside your CRM and meetings',
    // WXT adds `sidePanel` for Chrome (side_panel) and writes `sidebar_action` for Firefox from the same entrypoint.
    // Chrome adds `tabCapture` and `offscreen` for live capture (the offscreen document is Chrome only).
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['tabCapture', 'offscreen'])],
    action: { default_title: 'Sufler' },
    commands: {
      'analyze-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Analyze selection / Analizuj zaznaczenie',
      },
      // Live meetings (issue 11): a gesture on the meeting tab, which grants tabCapture on it (Chrome).
      'start-live-capture': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Start live capture on this tab / Nagrywaj spotkanie z tej karty',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Firefox MV2 has no optional_host_permissions: origins go with the optional API permissions.
          optional_permissions: OPTIONAL_HOSTS,
          // 140 (ESR) / 142 on Android: the first versions that know data_collection_permissions.
          browser_specific_settings: {
            gecko: { id: 'sufler@sufler.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { optional_host_permissions: OPTIONAL_HOSTS }),
  }),
});
