/**
 * The background's answer to a message from the extension's own pages: access prompts are the
 * host's own business, everything else goes to the engine; revoking a site also cuts its live
 * requests.
 */
import type { Engine } from '../../shared/engine/create-engine';
import { answerUiRequest } from '../../shared/engine/answer-ui-request';
import { FreeLLMError, invalidRequest } from '../../shared/openai/error';
import { uiRequestSchema, type UiReply } from '../../shared/protocol/ui-messages';
import type { AccessRequests } from './access-requests';
import type { ActiveRequests } from './active-requests';

export async function answerExtensionMessage(message: unknown, engine: Engine, access: AccessRequests, active: ActiveRequests): Promise<UiReply> {
  const parsed = uiRequestSchema.safeParse(message);
  if (parsed.success && parsed.data.type === 'access.pending') {
    const details = access.details(parsed.data.requestId);
    return details ? { ok: true, data: details } : { ok: false, error: invalidRequest('This request was already answered or has expired.').toBody().error };
  }
  if (parsed.success && parsed.data.type === 'access.decide') {
    return { ok: true, data: access.decide(parsed.data.requestId, parsed.data.decision) };
  }
  const reply = await answerUiRequest(engine, message);
  if (reply.ok && parsed.success && parsed.data.type === 'origins.revoke') {
    active.cutOrigin(new URL(parsed.data.origin).origin, new FreeLLMError({
      status: 403,
      type: 'permission_error',
      code: 'origin_revoked',
      message: 'You revoked this site’s access to FreeLLM.',
    }));
  }
  return reply;
}
