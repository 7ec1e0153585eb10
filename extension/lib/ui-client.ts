/** Typed calls from the extension's pages to the background; failures throw the OpenAI error, code and values kept for the page to word it. */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { ErrorValues } from '../../shared/openai/error';
import {
  poolChangedNoticeSchema,
  vaultChangedNoticeSchema,
  type UiReply,
  type UiReplyError,
} from '../../shared/protocol/ui-messages';
import type { HostCalls } from './host-calls';
import { t } from '../../shared/i18n/t';

type CallName = keyof HostCalls;
type InputOf<Name extends CallName> = HostCalls[Name]['input'];
export type ResultOf<Name extends CallName> = HostCalls[Name]['result'];

export class UiCallError extends Error {
  readonly code: string | null;
  readonly param: string | null;
  readonly values?: ErrorValues;

  constructor({ message, code, param, values }: Omit<UiReplyError, 'type'>) {
    super(message);
    this.code = code;
    this.param = param;
    this.values = values;
  }
}

/** A call whose input has nothing required may leave it out. */
export async function callBackground<Name extends CallName>(
  name: Name,
  ...[input]: Record<never, never> extends InputOf<Name> ? [input?: InputOf<Name>] : [input: InputOf<Name>]
): Promise<ResultOf<Name>> {
  const reply = (await browser.runtime.sendMessage({ ...input, type: name })) as
    UiReply<ResultOf<Name>> | undefined;
  if (!reply) throw new UiCallError({ message: t('errorNoAnswer'), code: null, param: null });
  if (!reply.ok) throw new UiCallError(reply.error);
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
