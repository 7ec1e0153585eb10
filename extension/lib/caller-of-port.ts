/**
 * Who is on the other end of a runtime port, read from what the browser says about the sender,
 * never from the messages. Pages are served in their top frame only.
 */
import type { Browser } from 'wxt/browser';
import type { Caller } from '../../shared/engine/engine-answer';
import { FreeLLMError } from '../../shared/openai/error';

export function callerOfSender(sender: Browser.runtime.MessageSender | undefined, extensionOrigin: string): Caller {
  const url = sender?.url ? new URL(sender.url) : undefined;
  if (url && url.origin === extensionOrigin) return { kind: 'extension' };
  const origin = sender?.origin ?? url?.origin;
  if (!origin || origin === 'null' || !sender?.tab) {
    throw new FreeLLMError({ status: 403, type: 'permission_error', code: 'unknown_caller', message: 'FreeLLM could not tell which site is asking.' });
  }
  if (sender.frameId !== 0) {
    throw new FreeLLMError({ status: 403, type: 'permission_error', code: 'frame_not_allowed', message: `Embedded frames of ${origin} may not use FreeLLM.` });
  }
  return { kind: 'page', origin };
}
