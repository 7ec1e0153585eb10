/** @module A page's request that failed because the network is down gives its site's count back. */
import type { OriginGrants } from '../grants/origin-grants';
import { AttemptsFailed, NETWORK_UNREACHABLE } from '../router/run-attempts';
import type { Caller } from './engine-answer';

/** Offline, the request never reached a provider: it counts against none of the site's limits. */
export async function releaseIfOffline(
  origins: Pick<OriginGrants, 'release'>,
  caller: Caller,
  thrown: unknown,
  started: number,
): Promise<void> {
  if (caller.kind === 'page' && thrown instanceof AttemptsFailed && thrown.error.code === NETWORK_UNREACHABLE)
    await origins.release(caller, started);
}
