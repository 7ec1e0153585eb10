/**
 * @module The catalog's models as a provider serves them today: a model its live list leaves out,
 * or one FreeLLM retired after a second "not found", keeps its capabilities (a pinned call still
 * reads them) but no virtual model expands to it; and the model `auto` sends when the catalog's
 * default is one of those — the best the provider does serve, by the catalog's tiers and
 * capabilities.
 */
import type { ModelAvailability } from './model-availability';
import type { ModelInfo, ModelSource } from './model-equivalence';

export function availableModelSource(base: ModelSource, availability: ModelAvailability): ModelSource {
  const seen = new Map<
    string,
    { from: readonly ModelInfo[]; listed: unknown; models: readonly ModelInfo[] }
  >();
  return {
    models(providerId) {
      const from = base.models(providerId);
      const listed = availability.listed(providerId);
      const kept = seen.get(providerId);
      // Routing asks for a provider's models once per candidate: only a change rebuilds them.
      const retirements = from.map((info) => availability.retiredAt(providerId, info.id));
      if (kept && kept.from === from && kept.listed === listed && sameRetirements(kept.models, retirements))
        return kept.models;
      const models = from.map((info, index) => {
        const retiredAt = retirements[index];
        if (retiredAt !== undefined) return { ...info, automatic: false, retiredAt };
        return listed && !listed.has(info.id) ? { ...info, automatic: false } : info;
      });
      seen.set(providerId, { from, listed, models });
      return models;
    },
  };
}

const sameRetirements = (models: readonly ModelInfo[], retirements: (number | undefined)[]) =>
  models.every((info, index) => info.retiredAt === retirements[index]);

const CAPABILITIES = ['tools', 'vision', 'jsonMode'] as const;

/**
 * The model `auto` sends to a provider: its catalog default while the provider serves it, else
 * the served model closest to it — same tier first, then the fewest of its capabilities missing,
 * then catalog order (best first). The default stays when nothing better is known (a custom
 * endpoint, or no catalog model served).
 */
export function servedDefault(providerId: string, catalogDefault: string, source?: ModelSource): string {
  const models = source?.models(providerId) ?? [];
  const wanted = models.find((info) => info.id === catalogDefault);
  if (!wanted || wanted.automatic !== false) return catalogDefault;
  const missing = (info: ModelInfo) =>
    CAPABILITIES.filter((capability) => wanted[capability] === true && info[capability] !== true).length;
  const rank = (info: ModelInfo) => (info.tier === wanted.tier ? 0 : 100) + missing(info);
  let best: ModelInfo | undefined;
  for (const info of models)
    if (info.automatic !== false && !info.embedding && (!best || rank(info) < rank(best))) best = info;
  return best?.id ?? catalogDefault;
}
