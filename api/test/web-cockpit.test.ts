import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../src/server';
import { contentSecurityPolicy } from '../src/web-cockpit';
import { createTestApp, PASSWORD, type TestApp } from './harness';

// A stand-in for `npm run build:web`'s output, so this test does not depend on a build having run.
const INDEX = '<!doctype html><html class="web"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("cockpit");';

describe('the web cockpit served by the API', () => {
  let t: TestApp;
  let server: RunningServer;
  let missing: RunningServer;
  const root = mkdtempSync(join(tmpdir(), 'sufler-web-'));
  // A dot folder on the way, as in the default `.output/web`.
  const dir = join(root, '.output', 'web');
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
    t = await createTestApp('pglite');
    server = await startServer(t.app, { host: '127.0.0.1', port: 0, webDir: dir });
    missing = await startServer(t.app, { host: '127.0.0.1', port: 0, webDir: join(dir, 'not-built') });
  });
  afterAll(async () => {
    await server?.close();
    await missing?.close();
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  test('/ is index.html, never cached, under a CSP that allows only this origin', async () => {
    const res = await fetch(`${server.url}/`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const host = new URL(server.url).host;
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
    expect(csp).toContain("frame-ancestors 'none'");
    // The call player plays a recording fetched with the bearer token, from an object URL.
    expect(csp).toContain("media-src 'self' blob:");
    expect(await res.text()).toBe(INDEX);
  });

  test('hashed assets are served as immutable, with their type', async () => {
    const res = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect(await res.text()).toBe(SCRIPT);
  });

  test('a page the client routes is index.html too (SPA fallback)', async () => {
    const res = await fetch(`${server.url}/clients/42`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  test.each([
    ['an unknown API path', '/api/nothing', html],
    ['a path under /health', '/health/deep', html],
    ['a missing asset', '/assets/gone-123.js', html],
    ['a file that does not exist', '/robots.txt', html],
    ['a page asked for as JSON', '/clients/42', { accept: 'application/json' }],
  ])('%s is still the JSON 404', async (_name, path, headers) => {
    const res = await fetch(`${server.url}${path}`, { headers });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not found' });
  });

  test('POST to a page is the JSON 404, not the app', async () => {
    const res = await fetch(`${server.url}/clients`, { method: 'POST', headers: html });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not found' });
  });

  test('/health and /trpc still answer as before, without the page CSP', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: { ok: true } });
    expect(health.headers.get('content-security-policy')).toBeNull();

    await t.as('consultant', 'web@salon.pl');
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'web@salon.pl', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const body = (await login.json()) as { result: { data: { accessToken: string } } };
    expect(body.result.data.accessToken).toEqual(expect.any(String));

    const unknown = await fetch(`${server.url}/trpc/no.such.procedure`, { headers: html });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/json/);
  });

  test('without a build, / explains how to build it instead of failing', async () => {
    const res = await fetch(`${missing.url}/`, { headers: html });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('npm run build:web');
    expect((await fetch(`${missing.url}/health`)).status).toBe(200);
  });
});

describe('contentSecurityPolicy', () => {
  test.each([
    ['localhost:8787', " ws://localhost:8787 wss://localhost:8787"],
    ['192.168.1.20:8787', ' ws://192.168.1.20:8787 wss://192.168.1.20:8787'],
    ['[::1]:8787', ' ws://[::1]:8787 wss://[::1]:8787'],
    // A Host header is the client's to write: anything that could add a directive is left out.
    ['evil.example; script-src *', ''],
    [undefined, ''],
  ])('host %s', (host, sockets) => {
    expect(contentSecurityPolicy(host)).toContain(`connect-src 'self'${sockets};`);
  });
});
