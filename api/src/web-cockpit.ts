import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';

/** Where `npm run build:web` writes the web cockpit (extension/web/vite.config.ts), unless SUFLER_WEB_DIR says otherwise. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../.output/web', import.meta.url));

/** Paths that belong to the API: never answered with the web cockpit's page, so their 404 stays JSON. */
const API_PATH = /^\/(trpc|health|api)(\/|$)/;

/** A host as browsers send it (name or IP, optional port), so it can go into the CSP header unescaped. */
const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

// Joined once: only connect-src depends on the request (its Host header). Recordings are fetched with the bearer
// token and played from an object URL, hence media-src blob:.
const CSP_BEFORE = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "media-src 'self' blob:"].join('; ');
const CSP_AFTER = ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"].join('; ');

/**
 * The web cockpit's page may run only its own scripts and styles and talk only to this server: tRPC over
 * HTTP ('self') and over WebSocket, which older browsers do not count as 'self', hence the explicit ws/wss.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return `${CSP_BEFORE}; connect-src 'self'${sockets}; ${CSP_AFTER}`;
}

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sufler</title></head>
<body>
<h1>Sufler</h1>
<p>The API is running, but the web cockpit has not been built. Run <code>npm run build:web</code> in the repository
(or start with <code>npm start</code>, which builds it), then reload this page.</p>
<p lang="pl">API działa, ale web cockpit nie został zbudowany. Uruchom <code>npm run build:web</code> i odśwież stronę.</p>
</body>
</html>
`;

/**
 * Serves the built web cockpit from `dir`: hashed files under /assets/ as immutable, index.html never cached
 * (it names the current hashes), and index.html for any other page a browser asks for (the app routes on the
 * client). Mounted after /trpc and /health; what it does not answer falls through to the API's JSON 404.
 * A missing build is looked up on each page request, so building it while the API runs needs no restart.
 */
export function webCockpit(dir: string): Router {
  const router = express.Router();
  const index = join(dir, 'index.html');

  router.use((req, res, next) => {
    if (!API_PATH.test(req.path)) {
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.headers.host));
      res.setHeader('Referrer-Policy', 'no-referrer');
    }
    next();
  });
  router.use('/assets', express.static(join(dir, 'assets'), { index: false, immutable: true, maxAge: '1y', fallthrough: true }));
  router.use(
    express.static(dir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );

  const page = (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) return void res.status(503).type('html').send(NOT_BUILT);
    // `root`, not an absolute path: `send` refuses dot segments in what it is given, and the default
    // folder is `.output/web`.
    res.sendFile('index.html', { root: dir });
  };
  router.get('/', page);
  router.get(/.*/, (req, res, next) => {
    const isPage = !API_PATH.test(req.path) && !req.path.startsWith('/assets/') && !/\.[a-z0-9]+$/i.test(req.path);
    if (isPage && req.accepts(['html', 'json']) === 'html') return page(req, res);
    next();
  });
  return router;
}
