/**
 * @module The local endpoint's settings and its door: tools outside the browser reach the engine
 * through a host program (local-api/) only with the token, and never as a web page in disguise.
 * The token is sealed by the vault like the keys; its limits count like a site's.
 */
import { z } from 'zod';
import { countRequest } from '../grants/origin-grants';
import { originLimitsSchema, originSchema, originUsageSchema } from '../grants/origin-grant';
import { errorWithCode } from '../openai/error';
import { parseOrInvalidRequest } from '../openai/parse-or-invalid-request';
import type { FreeLLMDatabase } from '../store/database';
import { keptSetting } from '../store/kept-setting';
import type { WriteBehind } from '../store/write-behind';
import { sealedSchema, type Vault } from '../vault/vault';

/** Who local requests are in the request log, the cache partitions and the limit messages. */
export const LOCAL_ENDPOINT_CALLER = 'local endpoint';
/** Near Ollama's 11434, which many tools probe, without taking it. */
export const DEFAULT_LOCAL_PORT = 11440;
export const LOOPBACK_ADDRESS = '127.0.0.1';

const SETTING_ID = 'localEndpoint';
const TOKEN_ID = 'localEndpointToken';

const addressSchema = z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], {
  error: 'The address must be an IP address such as 127.0.0.1 (or localhost).',
});

const storedSchema = z.object({
  enabled: z.boolean().default(false),
  address: addressSchema.default(LOOPBACK_ADDRESS),
  port: z.number().int().min(1).max(65535).default(DEFAULT_LOCAL_PORT),
  /** Web origins whose requests (with the token) are served; any other `Origin` is refused. */
  allowedOrigins: z.array(z.string()).default([]),
  limits: originLimitsSchema.default({ requestsPerMinute: null, requestsPerDay: null }),
  usage: originUsageSchema.optional(),
});
type Stored = z.infer<typeof storedSchema>;

export type LocalEndpointSettings = Omit<Stored, 'usage'>;

const limit = z.number().int().positive().nullable().optional();
export const localEndpointChangeSchema = z
  .object({
    enabled: z.boolean(),
    address: addressSchema,
    port: z.number().int().min(1).max(65535),
    allowedOrigins: z.array(originSchema).max(100),
    limits: z.object({ requestsPerMinute: limit, requestsPerDay: limit }),
  })
  .partial()
  .strict();

export interface LocalEndpoint {
  settings(): Promise<LocalEndpointSettings>;
  configure(change: unknown): Promise<LocalEndpointSettings>;
  /** The token in clear, made on first use; needs the vault unlocked. */
  token(): Promise<string>;
  /** A new token; the old one stops working at once. */
  rotateToken(): Promise<string>;
  /** Throws the 503/403/401/423 a local request gets before any route: off, foreign page, no or wrong token, locked. */
  admit(headers: Record<string, string>): Promise<void>;
  /** Counts one chat request against the endpoint's own limits, or throws the 429. */
  count(): Promise<void>;
}

export function createLocalEndpoint(deps: {
  db: FreeLLMDatabase;
  vault: Pick<Vault, 'seal' | 'open'>;
  crypto: Crypto;
  now: () => number;
  writeBehind: WriteBehind;
}): LocalEndpoint {
  const { db, vault } = deps;
  const setting = keptSetting<Stored>(db, SETTING_ID, storedSchema, storedSchema.parse({}));
  /**
   * Opened once per worker: every request compares with it. Only this engine writes the token, and
   * a new passphrase re-seals the same token, so the copy stays right.
   */
  let opened: string | undefined;
  /** Counted in memory at once, written behind like a site's counts. */
  let usage: Stored['usage'];

  const withoutUsage = ({ usage: _usage, ...settings }: Stored): LocalEndpointSettings => settings;
  /** One function for every count, so a batch of requests writes the row once, not once each. */
  const writeUsage = async () => setting.save({ ...(await setting.get()), usage });

  async function newToken(): Promise<string> {
    const bytes = deps.crypto.getRandomValues(new Uint8Array(32));
    const token = `freellm-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
    await db.settings.put({ id: TOKEN_ID, value: null, sealed: await vault.seal(token) });
    opened = token;
    return token;
  }

  async function token(): Promise<string> {
    if (opened !== undefined) return opened;
    const sealed = sealedSchema.safeParse((await db.settings.get(TOKEN_ID))?.sealed);
    if (!sealed.success) return newToken();
    opened = await vault.open(sealed.data);
    return opened;
  }

  return {
    async settings() {
      return withoutUsage(await setting.get());
    },
    async configure(change) {
      const parsed = parseOrInvalidRequest(localEndpointChangeSchema, change, {
        what: 'Invalid local endpoint settings',
      });
      const current = await setting.get();
      const next = { ...current, ...parsed, limits: { ...current.limits, ...parsed.limits } };
      if (next.enabled) await token();
      return withoutUsage(await setting.save(next));
    },
    token,
    rotateToken: newToken,
    async admit(headers) {
      const current = await setting.get();
      if (!current.enabled)
        throw errorWithCode('local_endpoint_off', 'The local endpoint is turned off in FreeLLM’s options.');
      const origin = headers.origin;
      if (origin !== undefined && !current.allowedOrigins.includes(origin))
        throw errorWithCode(
          'local_origin_not_allowed',
          `A web page (${origin.slice(0, 200)}) may not use FreeLLM’s local endpoint. Pages use window.freellm; allow this origin for the local endpoint in the options page if it must.`,
        );
      const sent = bearerToken(headers);
      if (!sent)
        throw errorWithCode(
          'local_token_missing',
          'The local endpoint needs a token: send it as "Authorization: Bearer <token>" or "x-api-key". It is shown in FreeLLM’s options page (Local endpoint).',
        );
      if (!sameText(sent, await token()))
        throw errorWithCode(
          'local_token_invalid',
          'This is not the local endpoint’s token (it may have been rotated). Copy the current one from FreeLLM’s options page (Local endpoint).',
        );
    },
    async count() {
      const current = await setting.get();
      usage = countRequest(
        LOCAL_ENDPOINT_CALLER,
        { limits: current.limits, usage: usage ?? current.usage },
        deps.now(),
        'Local endpoint',
      );
      void deps.writeBehind.once(writeUsage);
    },
  };
}

function bearerToken(headers: Record<string, string>): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  return bearer ?? (headers['x-api-key']?.trim() || undefined);
}

/** Compares every character whatever differs first, so timing tells nothing about the token. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index++)
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  return difference === 0;
}
