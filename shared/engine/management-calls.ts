/**
 * @module The management API the extension's pages call: each call declared once, by name, with the
 * schema its input must pass and the handler that answers it. Dispatch is one lookup in this table,
 * and callers take each reply's type from the handler (`CallsOf`), so no caller guesses it.
 */
import { z } from 'zod';
import { envImportChoicesSchema } from '../keys/env-import';
import { requestLogQuerySchema } from '../request-log/query-request-log';
import type { Engine } from './create-engine';

export interface Call<Input extends z.ZodType, Result> {
  input: Input;
  // A method, not a function property: its parameter is checked bivariantly, so every call fits `CallTable`.
  handle(input: z.output<Input>): Result;
}

export function call<Input extends z.ZodType, Result>(
  input: Input,
  handle: (input: z.output<Input>) => Result,
): Call<Input, Result> {
  return { input, handle };
}

/** Any table of calls, as dispatch sees it. */
export type CallTable = Record<string, Call<z.ZodType, unknown>>;

/** A reply crosses the message channel as JSON: nothing (`undefined`, `void`) arrives as `null`. */
type Sent<Result> = undefined extends Result ? Exclude<Result, undefined | void> | null : Result;

/** What a caller sends to and gets back from each call of a table. */
export type CallsOf<Table extends CallTable> = {
  [Name in keyof Table & string]: {
    input: z.input<Table[Name]['input']>;
    result: Sent<Awaited<ReturnType<Table[Name]['handle']>>>;
  };
};

const noInput = z.object({});
const autoLockMs = z.number().int().positive().nullable().optional();
const rateLimit = z.number().int().positive().nullable().optional();
const envText = z.object({ text: z.string(), choices: envImportChoicesSchema.optional() });

export function managementCalls(engine: Engine) {
  return {
    'keys.list': call(noInput, () => engine.keys.list()),
    'keys.add': call(
      z.object({
        providerId: z.string(),
        label: z.string().optional(),
        account: z.string().optional(),
        secret: z.string(),
      }),
      (input) => engine.keys.add(input),
    ),
    'keys.remove': call(z.object({ id: z.string() }), ({ id }) => engine.keys.remove(id)),
    'keys.restore': call(z.object({ id: z.string() }), ({ id }) => engine.keys.restore(id)),
    'keys.check': call(z.object({ ids: z.array(z.string()).max(1000) }), ({ ids }) => engine.keys.check(ids)),
    'keys.setEnabled': call(z.object({ id: z.string(), enabled: z.boolean() }), ({ id, enabled }) =>
      engine.keys.setEnabled(id, enabled),
    ),
    'keys.rename': call(z.object({ id: z.string(), label: z.string() }), ({ id, label }) =>
      engine.keys.rename(id, label),
    ),
    'keys.rotate': call(z.object({ id: z.string(), secret: z.string() }), ({ id, secret }) =>
      engine.keys.rotate(id, secret),
    ),
    'keys.reorder': call(z.object({ ids: z.array(z.string()).max(1000) }), ({ ids }) =>
      engine.keys.reorder(ids),
    ),
    'env.preview': call(envText, ({ text, choices }) => engine.envImport.preview(text, choices)),
    'env.apply': call(envText, ({ text, choices }) => engine.envImport.apply(text, choices)),
    'vault.status': call(noInput, () => engine.vault.status()),
    'vault.setPassphrase': call(
      z.object({ passphrase: z.string(), autoLockMs }),
      ({ passphrase, autoLockMs }) => engine.vault.setPassphrase(passphrase, { autoLockMs }),
    ),
    'vault.unlock': call(z.object({ passphrase: z.string() }), ({ passphrase }) =>
      engine.vault.unlock(passphrase),
    ),
    'vault.lock': call(noInput, () => engine.vault.lock()),
    'vault.changePassphrase': call(
      z.object({ oldPassphrase: z.string(), newPassphrase: z.string(), autoLockMs }),
      ({ oldPassphrase, newPassphrase, autoLockMs }) =>
        engine.vault.changePassphrase(oldPassphrase, newPassphrase, { autoLockMs }),
    ),
    'vault.removePassphrase': call(z.object({ passphrase: z.string() }), ({ passphrase }) =>
      engine.vault.removePassphrase(passphrase),
    ),
    'settings.export': call(
      z.object({ passphrase: z.string().optional(), clearKeys: z.literal(true).optional() }),
      ({ passphrase, clearKeys }) =>
        engine.settings.export(clearKeys ? { clearKeys } : { passphrase: passphrase ?? '' }),
    ),
    'settings.import': call(
      z.object({ document: z.unknown(), passphrase: z.string().optional() }),
      ({ document, passphrase }) => engine.settings.import(document, { passphrase }),
    ),
    'providers.list': call(noInput, () => engine.providers.list()),
    'providers.addCustom': call(
      z.object({ name: z.string(), baseURL: z.string(), defaultModel: z.string() }),
      (input) => engine.providers.addCustom(input),
    ),
    'providers.removeCustom': call(z.object({ id: z.string() }), ({ id }) =>
      engine.providers.removeCustom(id),
    ),
    'providers.setBaseURL': call(
      z.object({ providerId: z.string(), baseURL: z.string().nullable() }),
      ({ providerId, baseURL }) => engine.providers.setBaseURLOverride(providerId, baseURL),
    ),
    'origins.list': call(noInput, () => engine.origins.list()),
    'origins.allow': call(z.object({ origin: z.string() }), ({ origin }) => engine.origins.allow(origin)),
    'origins.revoke': call(z.object({ origin: z.string() }), ({ origin }) => engine.origins.revoke(origin)),
    'origins.configure': call(
      z.object({
        origin: z.string(),
        allowFrames: z.boolean().optional(),
        limits: z.object({ requestsPerMinute: rateLimit, requestsPerDay: rateLimit }).optional(),
      }),
      ({ origin, ...change }) => engine.origins.configure(origin, change),
    ),
    'log.query': call(requestLogQuerySchema, (query) => engine.queryRequestLog(query)),
    health: call(noInput, () => engine.health()),
    'quota.get': call(noInput, () => engine.quota({ kind: 'extension' })),
    'usage.history': call(noInput, () => engine.usageHistory()),
    'chats.list': call(noInput, () => engine.chats.list()),
    'chats.get': call(z.object({ id: z.string() }), ({ id }) => engine.chats.get(id)),
    'chats.save': call(z.object({ id: z.string(), change: z.unknown() }), ({ id, change }) =>
      engine.chats.save(id, change),
    ),
    'chats.remove': call(z.object({ id: z.string() }), ({ id }) => engine.chats.remove(id)),
    'chats.current': call(noInput, () => engine.chats.current()),
    'chats.open': call(z.object({ id: z.string() }), ({ id }) => engine.chats.open(id)),
    'cache.stats': call(noInput, () => engine.cache.stats()),
    'cache.clear': call(noInput, () => engine.cache.clear()),
    'cache.configure': call(
      z.object({
        ttlMs: z.number().int().positive().optional(),
        maxStoredBytes: z.number().int().positive().optional(),
      }),
      (settings) => engine.cache.configure(settings),
    ),
    'limits.get': call(noInput, () => engine.limits.get()),
    'limits.save': call(z.object({ limits: z.unknown() }), ({ limits }) => engine.limits.save(limits)),
    'catalog.status': call(noInput, () => engine.catalog.status()),
    'catalog.setUpdatesEnabled': call(z.object({ enabled: z.boolean() }), ({ enabled }) =>
      engine.catalog.setUpdatesEnabled(enabled),
    ),
    'models.reachable': call(noInput, () => engine.reachableModels()),
    'onDevice.status': call(noInput, () => engine.onDevice.status()),
    'onDevice.download': call(noInput, () => engine.onDevice.download()),
    'localEndpoint.settings': call(noInput, () => engine.localEndpoint.settings()),
    'localEndpoint.configure': call(z.object({ change: z.unknown() }), ({ change }) =>
      engine.localEndpoint.configure(change),
    ),
    'localEndpoint.token': call(noInput, () => engine.localEndpoint.token()),
    'localEndpoint.rotateToken': call(noInput, () => engine.localEndpoint.rotateToken()),
    'routing.settings': call(noInput, () => engine.routing.settings()),
    'models.status': call(noInput, () => engine.modelStatus()),
    'routing.save': call(z.object({ settings: z.unknown() }), ({ settings }) =>
      engine.routing.saveSettings(settings),
    ),
  } satisfies CallTable;
}

/**
 * Calls after which a chat may offer other models or reach other providers: keys, endpoints,
 * aliases, the catalog, the browser's own model, and which sites may ask. The host tells its open
 * pages after each (the popup's model picker reads the list again).
 */
export const poolChangingCalls = [
  'keys.add',
  'keys.remove',
  'keys.restore',
  'keys.setEnabled',
  'keys.rotate',
  'env.apply',
  'settings.import',
  'providers.addCustom',
  'providers.removeCustom',
  'providers.setBaseURL',
  'origins.allow',
  'origins.revoke',
  'routing.save',
  'catalog.setUpdatesEnabled',
  'onDevice.download',
] as const satisfies readonly (keyof ReturnType<typeof managementCalls>)[];
