/**
 * Serves `catalog.json` at the address the e2e build fixed for catalog updates
 * (catalog-update-address.json), from before the browser starts: the extension checks for an
 * update when its service worker starts, then at most daily.
 */
import { test } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

export const CATALOG_UPDATE_URL = (
  JSON.parse(readFileSync(new URL('./catalog-update-address.json', import.meta.url), 'utf8')) as {
    url: string;
  }
).url;

/** Call before `useExtensionSuite()`: hooks run in the order they are declared. */
export function serveCatalogUpdate(body: () => Promise<string>): void {
  const address = new URL(CATALOG_UPDATE_URL);
  const server = createServer();
  test.beforeAll(async () => {
    const text = await body();
    server.on('request', (request, response) => {
      if (request.url === address.pathname)
        response.writeHead(200, { 'content-type': 'application/json' }).end(text);
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(Number(address.port), address.hostname, resolve));
  });
  test.afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
}
