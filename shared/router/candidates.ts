/**
 * @module Who may serve a request: the virtual model is expanded into (key, provider, model)
 * candidates — `auto`, `auto:fast`, `auto:smart`, an alias or group, a canonical name served by
 * several providers, a pinned `provider/model` (only ever that provider's keys), or any other
 * name sent as-is to every key — and the ones that lack a capability the request needs, or a
 * large enough context, are dropped.
 */
import type { KeySummary } from '../keys/stored-key';
import type { ChatCompletionRequest } from '../openai/chat';
import type { ResolvedProvider } from '../providers/provider-directory';
import { servedDefault } from './available-models';
import { equivalentModel, isCanonicalName, type ModelInfo, type ModelSource } from './model-equivalence';

export interface Candidate {
  key: KeySummary;
  provider: ResolvedProvider;
  model: string;
  info?: ModelInfo;
  /**
   * Tried only when nothing else is ready: the on-device model, small and slow, unless the
   * request or an alias names it.
   */
  lastResort?: boolean;
}

export interface RequestNeeds {
  tools: boolean;
  vision: boolean;
  json: boolean;
  /** Prompt estimate: characters / 4. */
  promptTokens: number;
  /** Prompt plus the output asked for. */
  contextTokens: number;
  /** What the call is expected to spend, reserved in the token windows until usage is reported. */
  estimatedTokens: number;
}

/** Output tokens assumed when the caller sets no limit; corrected by reported usage afterwards. */
const DEFAULT_OUTPUT_TOKENS = 256;
/**
 * The most output a request reserves, whatever its `max_tokens`: agents and editors ask for 32K
 * and more but rarely get it, and reserving all of it would make every key with a small
 * tokens-per-minute limit (Groq's 6K–12K) look full before anything was tried. Reported usage
 * replaces the reservation afterwards.
 */
const RESERVED_OUTPUT_CAP = 1_024;
const IMAGE_TOKENS = 765;

export function requestNeeds(request: ChatCompletionRequest): RequestNeeds {
  let chars = 0;
  let vision = false;
  for (const message of request.messages) {
    const content = message.content;
    if (typeof content === 'string') chars += content.length;
    else
      for (const part of content ?? []) {
        if (part.type === 'text') chars += part.text.length;
        else {
          vision = true;
          chars += IMAGE_TOKENS * 4;
        }
      }
    if (message.role === 'assistant')
      for (const call of message.tool_calls ?? []) chars += call.function.arguments.length;
  }
  if (request.tools) chars += JSON.stringify(request.tools).length;
  const prompt = Math.ceil(chars / 4);
  const output = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const format = request.response_format?.type;
  return {
    tools: (request.tools?.length ?? 0) > 0,
    vision,
    json: format === 'json_object' || format === 'json_schema',
    promptTokens: prompt,
    contextTokens: prompt + (output ?? 0),
    estimatedTokens: prompt + Math.min(output ?? DEFAULT_OUTPUT_TOKENS, RESERVED_OUTPUT_CAP),
  };
}

/** Why a model cannot serve the request, or undefined when it can (unknown capabilities pass). */
export function unfitReason(info: ModelInfo | undefined, needs: RequestNeeds): string | undefined {
  if (needs.tools && info?.tools === false) return 'tools';
  if (needs.vision && info?.vision === false) return 'images';
  if (needs.json && info?.jsonMode === false) return 'JSON mode';
  if (info?.contextWindow !== undefined && needs.contextTokens > info.contextWindow)
    return 'a context this long';
  return undefined;
}

export interface CandidateInputs {
  /** Enabled keys in the user's priority order. */
  keys: readonly KeySummary[];
  providers: ReadonlyMap<string, ResolvedProvider>;
  /** Every provider the user could have a key for (presets and their endpoints): what a pin may name. */
  known: ReadonlySet<string>;
  models?: ModelSource;
  aliases: Readonly<Record<string, readonly string[]>>;
}

const TIERS: Record<string, ModelInfo['tier'] | 'any'> = {
  auto: 'any',
  'auto:fast': 'fast',
  'auto:smart': 'smart',
};

function infoFor(
  inputs: Pick<CandidateInputs, 'models'>,
  providerId: string,
  model: string,
): ModelInfo | undefined {
  return inputs.models?.models(providerId).find((info) => info.id === model);
}

/**
 * The provider a `provider/model` name pins: its first segment is a provider the user could have,
 * with a key or not — unless the whole name is a model some provider lists (Groq's
 * `openai/gpt-oss-120b`), which is then a model name like any other.
 */
export function pinOf(
  name: string,
  inputs: Pick<CandidateInputs, 'known' | 'models'>,
): { providerId: string; model: string } | undefined {
  const slash = name.indexOf('/');
  const providerId = slash > 0 ? name.slice(0, slash) : '';
  if (!inputs.known.has(providerId) || [...inputs.known].some((id) => infoFor(inputs, id, name)))
    return undefined;
  return { providerId, model: name.slice(slash + 1) };
}

function forName(name: string, inputs: CandidateInputs): Candidate[] {
  const { keys, providers, models } = inputs;
  const each = (pick: (provider: ResolvedProvider) => string[]): Candidate[] =>
    keys.flatMap((key) => {
      const provider = providers.get(key.providerId);
      return provider
        ? pick(provider).map((model) => ({
            key,
            provider,
            model,
            info: infoFor(inputs, provider.id, model),
            ...(provider.family === 'on-device' && { lastResort: true }),
          }))
        : [];
    });
  const tier = TIERS[name];
  // `auto` is each key's provider default (its best free model); a tier picks the models in it.
  if (tier === 'any') return each((provider) => [servedDefault(provider.id, provider.defaultModel, models)]);
  if (tier) {
    const inTier = each((provider) =>
      (models?.models(provider.id) ?? [])
        .filter((info) => info.tier === tier && info.automatic !== false)
        .map((info) => info.id),
    );
    return inTier.length > 0 ? inTier : forName('auto', inputs);
  }
  const pin = pinOf(name, inputs);
  if (pin)
    return each((provider) => (provider.id === pin.providerId ? [pin.model] : [])).map(
      ({ lastResort: _named, ...candidate }) => candidate,
    );
  if (isCanonicalName(name, providers.keys(), models)) {
    return each((provider) => {
      const id = equivalentModel(name, provider.id, models);
      return id ? [id] : [];
    });
  }
  const listedSomewhere = [...providers.keys()].some((id) => infoFor(inputs, id, name));
  return each((provider) => {
    const info = infoFor(inputs, provider.id, name);
    if (info?.retiredAt !== undefined) return [];
    return !listedSomewhere || info ? [name] : [];
  });
}

/** Expands a requested model into candidates, aliases first (a group may name other aliases). */
export function expandModel(name: string, inputs: CandidateInputs, depth = 0): Candidate[] {
  const targets = inputs.aliases[name];
  if (!targets || depth > 3) return forName(name, inputs);
  const seen = new Set<string>();
  return targets
    .flatMap((target) => expandModel(target, inputs, depth + 1))
    .filter((candidate) => {
      const id = `${candidate.key.id}\u0000${candidate.model}`;
      return !seen.has(id) && Boolean(seen.add(id));
    });
}
