/**
 * @module A site the user types in to allow: `example.com` means `https://example.com` (and
 * `localhost:5173` the local server's `http://localhost:5173`), and plain
 * http is taken only on this computer, the one place the page API runs without TLS
 * (extension/lib/page-matches.ts offers it from these hosts).
 */
import { z } from 'zod';
import { originSchema } from './origin-grant';

/** Hosts whose plain-http pages get `window.freellm`: local development servers. */
export const LOCAL_HTTP_HOSTS = ['localhost', '127.0.0.1'] as const;

const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i;

const isLocalHttp = (url: URL) => (LOCAL_HTTP_HOSTS as readonly string[]).includes(url.hostname);

function withScheme(typed: string): string {
  if (typed === '' || hasScheme.test(typed)) return typed;
  try {
    // A local development server speaks plain http.
    if (isLocalHttp(new URL(`http://${typed}`))) return `http://${typed}`;
  } catch {
    // not a host: left for originSchema to refuse
  }
  return `https://${typed}`;
}

export const siteOriginSchema = z
  .string()
  .trim()
  .transform(withScheme)
  .pipe(originSchema)
  .superRefine((origin, context) => {
    const url = new URL(origin);
    if (url.protocol === 'https:' || isLocalHttp(url)) return;
    context.addIssue({
      code: 'custom',
      message: `${origin} is plain http: FreeLLM offers its page API only to https sites (and to localhost), so a page there could not use it. Use https://${url.host}.`,
      params: { reason: 'plain_http', origin, host: url.host },
    });
  });
