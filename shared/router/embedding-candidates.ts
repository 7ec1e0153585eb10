/**
 * @module Who may serve an embedding request: the keys that serve the one model it names, and no
 * other. Vectors of two models live in different spaces, so a request (and every batch of it, and
 * every failover) stays with one model: a pinned `provider/model` only with that provider's keys, a
 * shared name (`bge-m3`) with the providers that host those same weights, a provider's own model id
 * with the providers that list it. `auto` and an alias settle on one model first: `auto` is the
 * first embedding model of the first key (in the user's order) whose provider has one; an alias is
 * its first target.
 */
import { errorWithCode } from '../openai/error';
import type { ResolvedProvider } from '../providers/provider-directory';
import { pinOf, type Candidate, type CandidateInputs } from './candidates';
import { equivalentModel, isCanonicalName, MODEL_EQUIVALENTS, type ModelInfo } from './model-equivalence';

export interface EmbeddingCandidates {
  /** The model as the answer names it: what to send again for vectors of the same space. */
  name: string;
  candidates: Candidate[];
}

const embeddingModelsOf = (providerId: string, inputs: CandidateInputs): readonly ModelInfo[] =>
  (inputs.models?.models(providerId) ?? []).filter(
    (info) => info.embedding && info.automatic !== false && info.retiredAt === undefined,
  );

/** The name that pins exactly this model: its shared name when it has one, else `provider/model`. */
function nameOf(providerId: string, model: string): string {
  const shared = Object.entries(MODEL_EQUIVALENTS).find(([, ids]) => ids[providerId] === model)?.[0];
  return shared ?? `${providerId}/${model}`;
}

/** The embedding models the user's keys reach, as names to send; for the error that asks for one. */
export function reachableEmbeddingModels(inputs: CandidateInputs): string[] {
  const names = new Set<string>();
  for (const key of inputs.keys)
    for (const info of embeddingModelsOf(key.providerId, inputs)) names.add(nameOf(key.providerId, info.id));
  return [...names];
}

function notAnEmbeddingModel(name: string, why: string, inputs: CandidateInputs) {
  const reachable = reachableEmbeddingModels(inputs);
  const use =
    reachable.length > 0
      ? `Use one of: ${reachable.join(', ')}.`
      : 'None of your keys serves one: add a key for Gemini, Cohere, Mistral, Cloudflare or NVIDIA.';
  return errorWithCode('not_an_embedding_model', `"${name}" ${why}. ${use}`, { param: 'model' });
}

function candidatesWhere(
  inputs: CandidateInputs,
  modelOf: (provider: ResolvedProvider) => string | undefined,
): Candidate[] {
  return inputs.keys.flatMap((key) => {
    const provider = inputs.providers.get(key.providerId);
    const model = provider && modelOf(provider);
    if (!provider || model === undefined) return [];
    const info = inputs.models?.models(provider.id).find((entry) => entry.id === model);
    return [{ key, provider, model, info }];
  });
}

export function embeddingCandidates(requested: string, inputs: CandidateInputs): EmbeddingCandidates {
  let name = requested;
  for (let depth = 0; inputs.aliases[name] && depth < 4; depth++) name = inputs.aliases[name]![0] ?? name;
  if (name === 'auto') {
    const first = inputs.keys.find((key) => embeddingModelsOf(key.providerId, inputs).length > 0);
    if (!first) throw notAnEmbeddingModel(requested, 'names no embedding model of yours', inputs);
    name = nameOf(first.providerId, embeddingModelsOf(first.providerId, inputs)[0]!.id);
  }
  const pin = pinOf(name, inputs);
  const candidates = pin
    ? candidatesWhere(inputs, (provider) => (provider.id === pin.providerId ? pin.model : undefined))
    : isCanonicalName(name, inputs.providers.keys(), inputs.models)
      ? candidatesWhere(inputs, (provider) => equivalentModel(name, provider.id, inputs.models))
      : candidatesWhere(inputs, (provider) =>
          inputs.models?.models(provider.id).some((info) => info.id === name) ? name : undefined,
        );
  const chat = candidates.find((candidate) => candidate.info && !candidate.info.embedding);
  if (chat) throw notAnEmbeddingModel(requested, 'is a chat model, not an embedding model', inputs);
  const unable = candidates.find((candidate) => !candidate.provider.adapter.embed);
  if (unable)
    throw notAnEmbeddingModel(
      requested,
      `is served by ${unable.provider.name}, which embeds nothing`,
      inputs,
    );
  // A pinned model the catalog does not know (a custom endpoint's, a new one) is the caller's word.
  if (candidates.length === 0 && !pin)
    throw notAnEmbeddingModel(requested, 'is not an embedding model any of your keys serves', inputs);
  return { name, candidates: candidates.filter((candidate) => candidate.info?.retiredAt === undefined) };
}
