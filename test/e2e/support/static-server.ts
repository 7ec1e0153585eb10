/**
 * Serves a built folder on 127.0.0.1, so the test page has a real http origin; under `mountPath`
 * (e.g. `/some/dir/`) as a static host serving a site from a sub-path does.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

export async function startStaticServer(
  folder: string,
  mountPath = '/',
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const requested = new URL(request.url ?? '/', 'http://x').pathname;
    if (!requested.startsWith(mountPath)) {
      response.writeHead(404).end('not found');
      return;
    }
    const path = normalize(`/${requested.slice(mountPath.length)}`).replace(/^(\.\.[/\\])+/, '');
    const file = join(folder, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
