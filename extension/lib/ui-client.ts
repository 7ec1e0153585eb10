/** Typed calls from the extension's pages to the background; failures throw with the OpenAI message. */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import {
  poolChangedNoticeSchema,
  vaultChangedNoticeSchema,
  type UiReply,
} from '../../shared/protocol/ui-messages';
import type { HostCalls } from './host-calls';

type CallName = keyof HostCalls;
type InputOf<Name extends CallName> = HostCalls[Name]['input'];
export type ResultOf<Name extends CallName> = HostCalls[Name]['result'];

export class UiCallError extends Error {
  constructor(
    message: string,
    readonly param: string | null,
  ) {
    super(message);
  }
}

/** A call whose input has nothing required may leave it out. */
export async function callBackground<Name extends CallName>(
  name: Name,
  ...[input]: Record<never, never> extends InputOf<Name> ? [input?: InputOf<Name>] : [input: InputOf<Name>]
): Promise<ResultOf<Name>> {
  const reply = (await browser.runtime.sendMessage({ ...input, type: name })) as
    UiReply<ResultOf<Name>> | undefined;
  if (!reply) throw new UiCallError('FreeLLM did not answer. Reload the extension and try again.', null);
  if (!reply.ok) throw new UiCallError(reply.error.message, reply.error.param);
  return reply.data;
}

/** Calls `listener` whenever the background sends a notice `schema` accepts; returns how to stop. */
function onNotice(schema: z.ZodType, listener: () => void): () => void {
  const handle = (message: unknown) => {
    if (schema.safeParse(message).success) listener();
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

/** Calls `listener` whenever the background says the vault locked or unlocked; returns how to stop. */
export const onVaultChanged = (listener: () => void) => onNotice(vaultChangedNoticeSchema, listener);

/** Calls `listener` whenever keys, endpoints, aliases or site access changed; returns how to stop. */
export const onPoolChanged = (listener: () => void) => onNotice(poolChangedNoticeSchema, listener);
