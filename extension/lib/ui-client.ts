/** Typed calls from the extension's pages to the background; failures throw with the OpenAI message. */
import { browser } from 'wxt/browser';
import { vaultChangedNoticeSchema, type UiReply, type UiRequest } from '../../shared/protocol/ui-messages';

export class UiCallError extends Error {
  constructor(message: string, readonly param: string | null) {
    super(message);
  }
}

export async function callBackground<T>(request: UiRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as UiReply<T> | undefined;
  if (!reply) throw new UiCallError('FreeLLM did not answer. Reload the extension and try again.', null);
  if (!reply.ok) throw new UiCallError(reply.error.message, reply.error.param);
  return reply.data;
}

/** Calls `listener` whenever the background says the vault locked or unlocked; returns how to stop. */
export function onVaultChanged(listener: () => void): () => void {
  const handle = (message: unknown) => {
    if (vaultChangedNoticeSchema.safeParse(message).success) listener();
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
