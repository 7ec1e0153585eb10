/**
 * @module The background's management calls: the engine's, plus the host's own — answering access
 * prompts, revoking a site, which here also cuts its live requests, and the local endpoint's link
 * (its state; a settings change re-aims it).
 */
import { z } from 'zod';
import type { Engine } from '../../shared/engine/create-engine';
import { call, managementCalls, type CallsOf } from '../../shared/engine/management-calls';
import { errorWithCode, invalidRequest } from '../../shared/openai/error';
import type { AccessRequests } from './access-requests';
import type { ActiveRequests } from './active-requests';
import type { LocalEndpointLink } from './local-endpoint/local-endpoint-link';

export function hostCalls(
  engine: Engine,
  access: AccessRequests,
  active: ActiveRequests,
  localLink: Pick<LocalEndpointLink, 'sync' | 'state'>,
) {
  const engineCalls = managementCalls(engine);
  const revoke = engineCalls['origins.revoke'];
  const configureLocal = engineCalls['localEndpoint.configure'];
  return {
    ...engineCalls,
    'access.pending': call(z.object({ requestId: z.string() }), ({ requestId }) => {
      const details = access.details(requestId);
      if (!details)
        throw invalidRequest('This request was already answered or has expired.', null, {
          reason: 'request_gone',
        });
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
    'localEndpoint.configure': call(configureLocal.input, async (input) => {
      const settings = await configureLocal.handle(input);
      await localLink.sync();
      return settings;
    }),
    'localEndpoint.link': call(z.object({}), () => localLink.state()),
  };
}

export type HostCalls = CallsOf<ReturnType<typeof hostCalls>>;
