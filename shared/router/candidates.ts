/**
 * @module Who may serve a request, in order: `auto` means every enabled key with its provider's
 * default model; `provider/model` pins a provider; any other name is sent as-is to every key.
 */
import type { KeySummary } from '../keys/stored-key';
import type { ProviderDirectory, ResolvedProvider } from '../providers/provider-directory';

export interface Candidate {
  key: KeySummary;
  provider: ResolvedProvider;
  model: string;
}

export async function listCandidates(requestedModel: string, keys: KeySummary[], providers: ProviderDirectory): Promise<Candidate[]> {
  const slash = requestedModel.indexOf('/');
  const pinnedProvider = slash > 0 ? await providers.resolve(requestedModel.slice(0, slash)) : undefined;
  const candidates: Candidate[] = [];
  for (const key of keys) {
    if (!key.enabled) continue;
    if (pinnedProvider && key.providerId !== pinnedProvider.id) continue;
    const provider = pinnedProvider ?? (await providers.resolve(key.providerId));
    if (!provider) continue;
    const model = pinnedProvider
      ? requestedModel.slice(slash + 1)
      : requestedModel === 'auto'
        ? provider.defaultModel
        : requestedModel;
    candidates.push({ key, provider, model });
  }
  return candidates;
}
