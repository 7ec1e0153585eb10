/**
 * Stands in for a real provider's HTTPS host (the browser is told to resolve it to 127.0.0.1 and
 * to accept this test-only certificate) and forwards each request, streamed both ways, to a mock
 * provider. The standalone playground calls providers straight from the page, so this is how its
 * streams reach the mocks unbuffered (Playwright's request routing hands over whole bodies only).
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

const tls = (file: string) => readFileSync(new URL(`tls/${file}`, import.meta.url));

export interface ProviderHostForwarder {
  /** Chromium flags that send `host` here. */
  browserArgs: string[];
  /** Where requests go next: the mock's base URL, which replaces `pathPrefix` of each path. */
  forwardTo(baseURL: string): void;
  close(): Promise<void>;
}

export async function startProviderHostForwarder(
  host: string,
  pathPrefix: string,
): Promise<ProviderHostForwarder> {
  let target: URL | undefined;
  const server = createServer(
    { key: tls('test-key.pem'), cert: tls('test-cert.pem') },
    (request, response) => {
      if (!target) return void response.writeHead(502).end('no mock provider set');
      const path = (request.url ?? '/').replace(pathPrefix, target.pathname);
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => response.destroy());
      request.pipe(upstream);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    browserArgs: [`--host-resolver-rules=MAP ${host} 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    forwardTo(baseURL) {
      target = new URL(baseURL);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
