/**
 * @module Messages on a request port (page ↔ bridge ↔ background): a small HTTP exchange, so
 * the page's fetch shim stays generic. One port carries one request; closing it aborts it.
 * Written with `zod/mini` because the MAIN-world script parses them too and ships in every page.
 */
import { z } from 'zod/mini';

export { PAGE_PORT_NAME } from './port-names';

export const portRequestSchema = z.object({
  type: z.literal('request'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']),
  path: z.string().check(z.maxLength(2048)),
  headers: z._default(z.record(z.string(), z.string()), {}),
  body: z.optional(z.string().check(z.maxLength(16 * 1024 * 1024))),
});
export type PortRequest = z.infer<typeof portRequestSchema>;

/** `freellm.requestAccess()`: answered with an AccessResult as a JSON body. */
export const portAccessSchema = z.object({ type: z.literal('access') });

export const pageToBackgroundSchema = z.discriminatedUnion('type', [
  portRequestSchema,
  portAccessSchema,
  z.object({ type: z.literal('abort') }),
]);
export type PageToBackground = z.input<typeof pageToBackgroundSchema>;

export const backgroundToPageSchema = z.discriminatedUnion('type', [
  // The head may carry the first body text, and `end` when that is the whole body: every
  // message is a hop through two processes, and a JSON answer then needs only one.
  z.object({
    type: z.literal('head'),
    status: z.number().check(z.int()),
    headers: z.record(z.string(), z.string()),
    text: z.optional(z.string()),
    end: z.optional(z.boolean()),
  }),
  z.object({ type: z.literal('data'), text: z.string() }),
  z.object({ type: z.literal('end') }),
  // From the relay, not the background: the background went away (its worker stopped, the
  // extension reloaded) before `end`, so the answer is incomplete and must fail, not end.
  z.object({ type: z.literal('disconnected') }),
  // Before the head, when the request asked (`x-freellm-progress`): a provider is being asked.
  z.object({
    type: z.literal('progress'),
    provider: z.string(),
    model: z.string(),
    firstByteTimeoutMs: z.number(),
    previous: z.optional(z.object({ provider: z.string(), outcome: z.string(), afterMs: z.number() })),
  }),
]);
export type BackgroundToPage = z.infer<typeof backgroundToPageSchema>;

export const accessResultSchema = z.object({
  granted: z.boolean(),
  scope: z.nullable(z.enum(['once', 'always'])),
});
export type AccessResult = z.infer<typeof accessResultSchema>;
