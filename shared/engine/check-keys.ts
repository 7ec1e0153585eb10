/**
 * @module "Test" on the keys list: whether each key works. The provider's model list proves a key
 * without spending quota; a provider without one gets a one-token request, and the answer says so.
 * The secret stays here: only the verdict goes to the page, as a code the page puts in words.
 */
import { findPreset } from '../catalog/provider-presets';
import type { KeyManager } from '../keys/key-ring';
import { toFreeLLMError, type FreeLLMError } from '../openai/error';
import type { ProviderDirectory, ResolvedProvider } from '../providers/provider-directory';
import type { FetchLike } from '../providers/types';

/** What the provider made of the key: it works, or why not. */
export type KeyVerdict =
  | 'works'
  | 'invalid'
  | 'forbidden'
  | 'no-credits'
  | 'rate-limited'
  | 'unreachable'
  | 'error'
  | 'provider-gone';

export interface KeyCheck {
  id: string;
  ok: boolean;
  /** `model-list` costs no quota; `one-token` spent one small request of the key's allowance. */
  method: 'model-list' | 'one-token';
  verdict: KeyVerdict;
  /** The provider's user-facing name (empty when it is gone). */
  providerName: string;
  /** The provider's own message, for an `error` verdict. */
  detail?: string;
}

interface CheckDeps {
  keys: Pick<KeyManager, 'list' | 'reveal'>;
  providers: ProviderDirectory;
  fetch: FetchLike;
  now: () => number;
}

function verdict(error?: FreeLLMError): Pick<KeyCheck, 'ok' | 'verdict' | 'detail'> {
  if (!error) return { ok: true, verdict: 'works' };
  switch (error.kind) {
    case 'auth':
      return { ok: false, verdict: 'invalid' };
    case 'forbidden':
      return { ok: false, verdict: 'forbidden' };
    case 'credits_exhausted':
      return { ok: false, verdict: 'no-credits' };
    case 'rate_limit':
    case 'quota_exhausted':
      return { ok: true, verdict: 'rate-limited' };
    case 'unreachable':
    case 'timeout':
      return { ok: false, verdict: 'unreachable' };
    default:
      return { ok: false, verdict: 'error', detail: error.message };
  }
}

async function probe(
  provider: ResolvedProvider,
  modelsEndpoint: string | undefined,
  apiKey: string | undefined,
  deps: CheckDeps,
): Promise<void> {
  const call = {
    fetch: deps.fetch,
    baseURL: provider.baseURL,
    apiKey,
    providerId: provider.id,
    providerName: provider.name,
    now: deps.now,
  };
  if (modelsEndpoint) {
    await provider.adapter.listModels({ ...call, endpoint: modelsEndpoint });
    return;
  }
  await provider.adapter.complete(
    { model: provider.defaultModel, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1 },
    { ...call, model: provider.defaultModel },
  );
}

/** Checks the given keys side by side; a locked vault fails the whole check (`vault_locked`). */
export async function checkKeys(ids: string[], deps: CheckDeps): Promise<KeyCheck[]> {
  const listed = await deps.keys.list();
  return Promise.all(
    listed
      .filter((key) => ids.includes(key.id))
      .map(async (key): Promise<KeyCheck> => {
        const provider = await deps.providers.resolve(key.providerId);
        if (!provider)
          return { id: key.id, ok: false, method: 'model-list', verdict: 'provider-gone', providerName: '' };
        const apiKey = provider.keyless ? undefined : await deps.keys.reveal(key.id);
        // A user's own endpoint is not known to have a model list.
        const modelsEndpoint = findPreset(provider.id)?.modelsEndpoint;
        const checked = {
          id: key.id,
          method: modelsEndpoint ? 'model-list' : 'one-token',
          providerName: provider.name,
        } as const;
        try {
          await probe(provider, modelsEndpoint, apiKey, deps);
          return { ...checked, ...verdict() };
        } catch (thrown) {
          return { ...checked, ...verdict(toFreeLLMError(thrown)) };
        }
      }),
  );
}
