import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local CRM-like page (crm/client-card.html) on 127.0.0.1, for the page-reading scenarios. */
export async function startCrmServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const page = readFileSync(new URL('./crm/client-card.html', import.meta.url));
  const server = createServer((req, res) => {
    if (req.url !== '/clients/42') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/clients/42`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
