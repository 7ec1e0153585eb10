/**
 * @module The background's management calls: the engine's, plus the host's own — answering access
 * prompts, and revoking a site, which here also cuts its live requests.
 */
import { z } from 'zod';
import type { Engine } from '../../shared/engine/create-engine';
import { call, managementCalls, type CallsOf } from '../../shared/engine/management-calls';
import { errorWithCode, invalidRequest } from '../../shared/openai/error';
import type { AccessRequests } from './access-requests';
import type { ActiveRequests } from './active-requests';

export function hostCalls(engine: Engine, access: AccessRequests, active: ActiveRequests) {
  const engineCalls = managementCalls(engine);
  const revoke = engineCalls['origins.revoke'];
  return {
    ...engineCalls,
    'access.pending': call(z.object({ requestId: z.string() }), ({ requestId }) => {
      const details = access.details(requestId);
      if (!details) throw invalidRequest('This request was already answered or has expired.');
      return details;
    }),
    'access.decide': call(
      z.object({ requestId: z.string(), decision: z.enum(['once', 'always', 'deny']) }),
      ({ requestId, decision }) => access.decide(requestId, decision),
    ),
    'origins.revoke': call(revoke.input, async (input) => {
      await revoke.handle(input);
      active.cutOrigin(
        new URL(input.origin).origin,
        errorWithCode('origin_revoked', 'You revoked this site’s access to FreeLLM.'),
      );
    }),
  };
}

export type HostCalls = CallsOf<ReturnType<typeof hostCalls>>;
