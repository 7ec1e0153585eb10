/**
 * @module Messages between the background and the local endpoint's host (local-api/), over native
 * messaging. Each HTTP exchange has an id; its request arrives as a head, body pieces and an end,
 * and its answer leaves as the page port's head, data and end (page-port.ts) with the id. No
 * message passes 1 MiB: the browser kills the port on a larger one from the host, so bodies are
 * split both ways (split-native-message.ts here, Node's own reads in the host).
 */
import { z } from 'zod';
import type { BackgroundToPage } from './page-port';

/** The native messaging host's name, as installed by `npm run local-api:install`. */
export const LOCAL_API_HOST_NAME = 'dev.freellm.local_api';

const id = z.number().int().nonnegative();

export const hostToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('request'),
    id,
    method: z.string().max(16),
    path: z.string().max(8192),
    headers: z.record(z.string(), z.string()),
  }),
  z.object({ type: z.literal('body'), id, text: z.string() }),
  z.object({ type: z.literal('request-end'), id }),
  /** The HTTP client went away before the answer ended. */
  z.object({ type: z.literal('abort'), id }),
  z.object({ type: z.literal('listening'), address: z.string(), port: z.number() }),
  z.object({
    type: z.literal('listen-failed'),
    /** In English, from a host older than `code`. */
    message: z.string(),
    address: z.string().optional(),
    port: z.number().optional(),
    /** Node's error code, EADDRINUSE when another program has the port. */
    code: z.string().max(200).optional(),
  }),
  /** Another browser is already serving the endpoint through this host's daemon. */
  z.object({ type: z.literal('busy') }),
]);
export type HostToBackground = z.infer<typeof hostToBackgroundSchema>;

export type ExchangeMessage = Extract<BackgroundToPage, { type: 'head' | 'data' | 'end' }>;

export type BackgroundToHost =
  | { type: 'listen'; address: string; port: number }
  /** The user turned the endpoint off: the daemon lets the port go and exits. */
  | { type: 'stop' }
  | (ExchangeMessage & { id: number });
