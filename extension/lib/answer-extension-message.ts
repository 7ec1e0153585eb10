/** The background's answer to a message from the extension's own pages: one call of the host's table. */
import type { Engine } from '../../shared/engine/create-engine';
import { answerCall } from '../../shared/engine/answer-call';
import type { UiReply } from '../../shared/protocol/ui-messages';
import type { AccessRequests } from './access-requests';
import type { ActiveRequests } from './active-requests';
import { hostCalls } from './host-calls';
import type { LocalEndpointLink } from './local-endpoint/local-endpoint-link';

export function createExtensionMessageAnswer(
  engine: Engine,
  access: AccessRequests,
  active: ActiveRequests,
  localLink: LocalEndpointLink,
): (message: unknown) => Promise<UiReply> {
  const calls = hostCalls(engine, access, active, localLink);
  return (message) => {
    // Anything the user does in FreeLLM's own pages counts as activity for the auto-lock.
    engine.vault.touch();
    return answerCall(calls, message);
  };
}
