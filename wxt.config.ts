import { defineConfig } from 'wxt';

// The extension's sources live in extension/; WXT writes builds to .output/ (chrome-mv3, firefox-mv2).
export default defineConfig({
  srcDir: 'extension',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'Sufler',
    description: 'AI sales co-pilot beside your CRM and meetings',
    permissions: ['sidePanel', 'storage'],
    action: { default_title: 'Sufler' },
  },
});
