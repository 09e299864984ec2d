import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The web cockpit: the side panel's React screens as a plain web app, built into `.output/web` and served by
 * the API at `/`. `npm run build:web` runs it (`vite build extension/web`).
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Fails the build if any WXT or browser-extension code would end up in the page (it has no extension APIs). */
function noExtensionCode(): Plugin {
  return {
    name: 'sufler:no-extension-code',
    enforce: 'post',
    load(id) {
      if (/[\\/]node_modules[\\/](wxt|@wxt-dev)[\\/]/.test(id)) this.error(`${id} is extension code; the web cockpit must not import it.`);
      return null;
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  plugins: [react(), noExtensionCode()],
  resolve: {
    // lib/settings.ts (schemas the web cockpit shares) defines extension storage items at import, and code
    // that works in both places checks `browser` from WXT to see whether it runs in the extension.
    alias: {
      'wxt/utils/storage': here('./no-extension-storage.ts'),
      'wxt/browser': here('./no-extension-browser.ts'),
    },
  },
  build: {
    outDir: here('../../.output/web'),
    emptyOutDir: true,
    // Hashed file names under /assets/: the API serves them as immutable.
    assetsDir: 'assets',
    target: 'es2022',
  },
});
