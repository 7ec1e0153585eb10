/**
 * @module Management messages from the extension's own pages (options, popup) to the background:
 * `{ type: name, ...input }` for a call of the table (`shared/engine/management-calls.ts`). Replies
 * are `{ ok: true, data }` or `{ ok: false, error }` with OpenAI's error body and, for the page to
 * word it, the error's values.
 */
import { z } from 'zod';
import type { ErrorValues, OpenAIErrorBody } from '../openai/error';

/** What the background tells its open pages (popup, options) when the vault locks or unlocks. */
export const VAULT_CHANGED_NOTICE = { type: 'vault.changed' } as const;
export const vaultChangedNoticeSchema = z.object({ type: z.literal('vault.changed') });

/** What the background tells its open pages when the models a chat can pick may have changed. */
export const POOL_CHANGED_NOTICE = { type: 'pool.changed' } as const;
export const poolChangedNoticeSchema = z.object({ type: z.literal('pool.changed') });

export type UiReplyError = OpenAIErrorBody['error'] & { values?: ErrorValues };

export type UiReply<T = unknown> = { ok: true; data: T } | { ok: false; error: UiReplyError };
