/**
 * @module Management messages from the extension's own pages (options, popup) to the
 * background. Replies are `{ ok: true, data }` or `{ ok: false, error }` with OpenAI's error body.
 */
import { z } from 'zod';
import type { OpenAIErrorBody } from '../openai/error';

/** What the background tells its open pages (popup, options) when the vault locks or unlocks. */
export const VAULT_CHANGED_NOTICE = { type: 'vault.changed' } as const;
export const vaultChangedNoticeSchema = z.object({ type: z.literal('vault.changed') });

export const uiRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('keys.list') }),
  z.object({ type: z.literal('keys.add'), providerId: z.string(), label: z.string().optional(), account: z.string().optional(), secret: z.string() }),
  z.object({ type: z.literal('keys.remove'), id: z.string() }),
  z.object({ type: z.literal('keys.setEnabled'), id: z.string(), enabled: z.boolean() }),
  z.object({ type: z.literal('keys.rename'), id: z.string(), label: z.string() }),
  z.object({ type: z.literal('keys.rotate'), id: z.string(), secret: z.string() }),
  z.object({ type: z.literal('keys.reorder'), ids: z.array(z.string()).max(1000) }),
  z.object({ type: z.literal('env.preview'), text: z.string(), choices: z.unknown().optional() }),
  z.object({ type: z.literal('env.apply'), text: z.string(), choices: z.unknown().optional() }),
  z.object({ type: z.literal('vault.status') }),
  z.object({ type: z.literal('vault.setPassphrase'), passphrase: z.string(), autoLockMs: z.number().int().positive().nullable().optional() }),
  z.object({ type: z.literal('vault.unlock'), passphrase: z.string() }),
  z.object({ type: z.literal('vault.lock') }),
  z.object({ type: z.literal('vault.changePassphrase'), oldPassphrase: z.string(), newPassphrase: z.string(), autoLockMs: z.number().int().positive().nullable().optional() }),
  z.object({ type: z.literal('vault.removePassphrase'), passphrase: z.string() }),
  z.object({ type: z.literal('settings.export'), passphrase: z.string().optional(), clearKeys: z.literal(true).optional() }),
  z.object({ type: z.literal('settings.import'), document: z.unknown(), passphrase: z.string().optional() }),
  z.object({ type: z.literal('providers.list') }),
  z.object({ type: z.literal('providers.addCustom'), name: z.string(), baseURL: z.string(), defaultModel: z.string() }),
  z.object({ type: z.literal('providers.removeCustom'), id: z.string() }),
  z.object({ type: z.literal('providers.setBaseURL'), providerId: z.string(), baseURL: z.string().nullable() }),
  z.object({ type: z.literal('origins.list') }),
  z.object({ type: z.literal('origins.allow'), origin: z.string() }),
  z.object({ type: z.literal('origins.revoke'), origin: z.string() }),
  z.object({
    type: z.literal('origins.configure'),
    origin: z.string(),
    allowFrames: z.boolean().optional(),
    limits: z.object({ requestsPerMinute: z.number().int().positive().nullable().optional(), requestsPerDay: z.number().int().positive().nullable().optional() }).optional(),
  }),
  z.object({ type: z.literal('access.pending'), requestId: z.string() }),
  z.object({ type: z.literal('access.decide'), requestId: z.string(), decision: z.enum(['once', 'always', 'deny']) }),
  z.object({ type: z.literal('log.list'), limit: z.number().int().min(1).max(1000).optional() }),
  z.object({ type: z.literal('health') }),
  z.object({ type: z.literal('chats.get'), id: z.string() }),
  z.object({ type: z.literal('chats.save'), id: z.string(), turns: z.unknown() }),
  z.object({ type: z.literal('chats.remove'), id: z.string() }),
  z.object({ type: z.literal('cache.stats') }),
  z.object({ type: z.literal('cache.clear') }),
  z.object({ type: z.literal('cache.configure'), ttlMs: z.number().int().positive().optional(), maxStoredBytes: z.number().int().positive().optional() }),
  z.object({ type: z.literal('limits.get') }),
  z.object({ type: z.literal('limits.save'), limits: z.unknown() }),
  z.object({ type: z.literal('routing.settings') }),
  z.object({ type: z.literal('routing.save'), settings: z.unknown() }),
]);
export type UiRequest = z.infer<typeof uiRequestSchema>;

export type UiReply<T = unknown> = { ok: true; data: T } | { ok: false; error: OpenAIErrorBody['error'] };
