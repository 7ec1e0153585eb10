/**
 * @module "Test" on the keys list: whether each key works, said in plain words. The provider's
 * model list proves a key without spending quota; a provider without one gets a one-token
 * request, and the answer says so. The secret stays here: only the verdict goes to the page.
 */
import { findPreset } from '../catalog/provider-presets';
import type { KeyManager } from '../keys/key-ring';
import { toFreeLLMError, type FreeLLMError } from '../openai/error';
import type { ProviderDirectory, ResolvedProvider } from '../providers/provider-directory';
import type { FetchLike } from '../providers/types';

export interface KeyCheck {
  id: string;
  ok: boolean;
  /** `model-list` costs no quota; `one-token` spent one small request of the key's allowance. */
  method: 'model-list' | 'one-token';
  words: string;
}

interface CheckDeps {
  keys: Pick<KeyManager, 'list' | 'reveal'>;
  providers: ProviderDirectory;
  fetch: FetchLike;
  now: () => number;
}

function verdict(provider: ResolvedProvider, method: KeyCheck['method'], error?: FreeLLMError) {
  const name = provider.name;
  if (!error)
    return {
      ok: true,
      words:
        method === 'model-list'
          ? `Works: ${name} listed its models for it (no quota used).`
          : `Works: ${name} answered a one-token request (it has no model list to check against).`,
    };
  switch (error.kind) {
    case 'auth':
      return { ok: false, words: `Refused by ${name}: the key is invalid.` };
    case 'forbidden':
      return { ok: false, words: `Refused by ${name}: the key is not allowed to do this.` };
    case 'credits_exhausted':
      return { ok: false, words: `Refused by ${name}: the account has no credits left.` };
    case 'rate_limit':
    case 'quota_exhausted':
      return { ok: true, words: `Works, but ${name} says it is rate-limited right now.` };
    case 'unreachable':
    case 'timeout':
      return { ok: false, words: `Could not reach ${name}: check the connection or its base URL.` };
    default:
      return { ok: false, words: `${name} answered with an error: ${error.message}` };
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
        if (!provider) return { id: key.id, ok: false, method: 'model-list', words: 'Its provider is gone.' };
        const apiKey = provider.keyless ? undefined : await deps.keys.reveal(key.id);
        // A user's own endpoint is not known to have a model list.
        const modelsEndpoint = findPreset(provider.id)?.modelsEndpoint;
        const method = modelsEndpoint ? 'model-list' : 'one-token';
        try {
          await probe(provider, modelsEndpoint, apiKey, deps);
          return { id: key.id, method, ...verdict(provider, method) };
        } catch (thrown) {
          return { id: key.id, method, ...verdict(provider, method, toFreeLLMError(thrown)) };
        }
      }),
  );
}
