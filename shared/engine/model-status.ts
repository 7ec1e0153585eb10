/**
 * @module What the options page and the dashboard say about models the catalog no longer gets
 * right: each provider whose catalog default its live list (or two "not found" answers) ruled
 * out, with the model `auto` uses instead, and each model FreeLLM retired, with the date.
 */
import type { KeySummary } from '../keys/stored-key';
import type { ProviderDirectory } from '../providers/provider-directory';
import { servedDefault } from '../router/available-models';
import type { ModelAvailability, RetiredModel } from '../router/model-availability';
import type { ModelSource } from '../router/model-equivalence';

export interface ReplacedDefault {
  providerId: string;
  providerName: string;
  /** The catalog's default, which the provider no longer lists or serves. */
  catalogDefault: string;
  /** What `auto` sends to this provider instead. */
  using: string;
}

export interface ModelStatus {
  replaced: ReplacedDefault[];
  retired: (RetiredModel & { providerName: string })[];
}

export async function readModelStatus(deps: {
  keys: { list(): Promise<KeySummary[]> };
  providers: Pick<ProviderDirectory, 'resolve'>;
  availability: ModelAvailability;
  models: ModelSource;
}): Promise<ModelStatus> {
  await deps.availability.load();
  const replaced: ReplacedDefault[] = [];
  const enabled = new Set((await deps.keys.list()).filter((key) => key.enabled).map((key) => key.providerId));
  for (const providerId of enabled) {
    const provider = await deps.providers.resolve(providerId);
    if (!provider) continue;
    const using = servedDefault(providerId, provider.defaultModel, deps.models);
    if (using !== provider.defaultModel)
      replaced.push({
        providerId,
        providerName: provider.name,
        catalogDefault: provider.defaultModel,
        using,
      });
  }
  const retired = await Promise.all(
    deps.availability.retired().map(async (model) => ({
      ...model,
      providerName: (await deps.providers.resolve(model.providerId))?.name ?? model.providerId,
    })),
  );
  return { replaced, retired };
}
