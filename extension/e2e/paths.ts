import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../../api/test/launch-chromium-with-extension';

/** Where things are, from the repository root; the config checks them before any test runs. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export { CHROMIUM };
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
export const WEB_BUILD = `${ROOT}.output/web`;
export const ARTIFACTS = `${ROOT}test-results/e2e`;

/** Fails the run (not a skip) with what to do, when Chromium or the build is missing. */
export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `End-to-end tests need Debian's Chromium at ${CHROMIUM}; install it with \`apt-get install -y chromium\` ` +
        '(never `playwright install`: its downloads are not reachable here).',
    );
  }
  if (!existsSync(`${CHROME_BUILD}/manifest.json`)) {
    throw new Error(`No extension build in ${CHROME_BUILD}: run \`npm run build\` first (\`npm run test:e2e\` does).`);
  }
  if (!existsSync(`${WEB_BUILD}/index.html`)) {
    throw new Error(`No web cockpit build in ${WEB_BUILD}: run \`npm run build\` first (\`npm run test:e2e\` does).`);
  }
}
