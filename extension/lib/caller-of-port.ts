/**
 * Who is on the other end of a runtime port, read from what the browser says about the sender,
 * never from the messages: the extension's own pages, or a page's origin, tab and frame.
 */
import type { Browser } from 'wxt/browser';
import type { Caller } from '../../shared/engine/engine-answer';
import { errorWithCode } from '../../shared/openai/error';

/**
 * Compared as text, not through `URL.origin`: parsers disagree on extension schemes (Node gives
 * `chrome-extension:` URLs the opaque origin "null", which every sandboxed or `data:` page shares).
 */
export function isExtensionSender(
  sender: Browser.runtime.MessageSender | undefined,
  extensionOrigin: string,
) {
  return sender?.url?.startsWith(`${extensionOrigin}/`) === true;
}

export function callerOfSender(
  sender: Browser.runtime.MessageSender | undefined,
  extensionOrigin: string,
): Caller {
  if (isExtensionSender(sender, extensionOrigin)) return { kind: 'extension' };
  const origin = sender?.origin ?? (sender?.url ? new URL(sender.url).origin : undefined);
  if (!origin || origin === 'null' || sender?.tab?.id === undefined) {
    throw errorWithCode('unknown_caller', 'FreeLLM could not tell which site is asking.');
  }
  return { kind: 'page', origin, tabId: sender.tab.id, embedded: sender.frameId !== 0 };
}
