/** The background's answer to a message from the extension's own pages: one call of the host's table. */
import type { Engine } from '../../shared/engine/create-engine';
import { answerCall } from '../../shared/engine/answer-call';
import { poolChangingCalls } from '../../shared/engine/management-calls';
import type { UiReply } from '../../shared/protocol/ui-messages';
import type { AccessRequests } from './access-requests';
import type { ActiveRequests } from './active-requests';
import { hostCalls, type HostCalls } from './host-calls';
import type { LocalEndpointLink } from './local-endpoint/local-endpoint-link';

/** The engine's, and the host's own: an access prompt answered may have let a site in. */
const POOL_CHANGING = new Set<keyof HostCalls>([...poolChangingCalls, 'access.decide']);

/** `onPoolChange` is told after each call that succeeded and may have changed what a chat can pick. */
export function createExtensionMessageAnswer(
  engine: Engine,
  access: AccessRequests,
  active: ActiveRequests,
  localLink: LocalEndpointLink,
  onPoolChange: () => void = () => undefined,
): (message: unknown) => Promise<UiReply> {
  const calls = hostCalls(engine, access, active, localLink);
  return async (message) => {
    // Anything the user does in FreeLLM's own pages counts as activity for the auto-lock.
    engine.vault.touch();
    const reply = await answerCall(calls, message);
    // A reply that is ok came from a message naming a call.
    if (reply.ok && POOL_CHANGING.has((message as { type: keyof HostCalls }).type)) onPoolChange();
    return reply;
  };
}
