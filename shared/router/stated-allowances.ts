/**
 * @module Allowances a provider states at an endpoint of its own (OpenRouter's `GET /key`), read
 * in the background at most hourly per key and learned by the ledger as rate-limit headers are:
 * they beat the catalog's figures, and the user's own limits beat them.
 */
import type { KeySummary } from '../keys/stored-key';
import type { ResolvedProvider } from '../providers/provider-directory';
import { readOpenRouterAllowance } from '../providers/rate-limits/openrouter-key-allowance';
import type { RateLimitSnapshot } from '../providers/rate-limits';
import type { AdapterCall } from '../providers/types';
import type { UsageLedger } from '../usage/usage-ledger';

const READERS: Record<string, (call: Omit<AdapterCall, 'model'>) => Promise<RateLimitSnapshot>> = {
  openrouter: readOpenRouterAllowance,
};
const READ_EVERY_MS = 60 * 60_000;

export function createStatedAllowances(deps: {
  fetch: AdapterCall['fetch'];
  now: () => number;
  ledger: Pick<UsageLedger, 'learn'>;
  reveal(keyId: string): Promise<string>;
}) {
  const readAt = new Map<string, number>();
  return {
    /** Reads, without waiting, what these keys' providers say of their allowance, where one says it. */
    refresh(keys: readonly KeySummary[], providers: ReadonlyMap<string, ResolvedProvider>): void {
      for (const key of keys) {
        const provider = providers.get(key.providerId);
        const read = provider && !provider.custom ? READERS[provider.id] : undefined;
        if (!provider || !read || deps.now() - (readAt.get(key.id) ?? -Infinity) < READ_EVERY_MS) continue;
        readAt.set(key.id, deps.now());
        const target = {
          providerId: provider.id,
          keyId: key.id,
          accountId: key.account,
          model: provider.defaultModel,
        };
        void deps
          .reveal(key.id)
          .then((apiKey) =>
            read({
              fetch: deps.fetch,
              baseURL: provider.baseURL,
              apiKey,
              providerId: provider.id,
              providerName: provider.name,
              now: deps.now,
            }),
          )
          .then((snapshot) => deps.ledger.learn(target, snapshot))
          // Not told: the catalog's figures stand, and the next hour asks again.
          .catch(() => undefined);
      }
    },
  };
}
