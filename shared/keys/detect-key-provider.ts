/**
 * @module Which provider a pasted key belongs to, from two clues: the variable's name
 * (`GROQ_API_KEY`, `HF_TOKEN`) and the key's own prefix (`gsk_`), using the catalog's presets.
 * When the clues disagree the more specific one wins and the preview says so.
 */
import { PROVIDER_PRESETS, detectPresetByKey, type ProviderPreset } from '../catalog/provider-presets';

export type DetectedBy = 'name' | 'prefix' | 'name and prefix';

/** A doubt about the detection, for the preview to say: a code and the names its words need. */
export type DetectionWarning =
  | { code: 'named-for-another'; named: string; looksLike: string }
  | { code: 'unusual-prefix'; provider: string; prefixes: string[] };

export type ProviderDetection =
  | { found: true; preset: ProviderPreset; detectedBy: DetectedBy; warning?: DetectionWarning }
  | { found: false; keyLike: boolean };

/** Names SDKs and docs use for providers whose variable does not spell the preset id. */
const NAME_ALIASES: Record<string, string> = {
  google: 'gemini',
  hf: 'huggingface',
  ngc: 'nvidia',
  nim: 'nvidia',
  co: 'cohere',
  claude: 'anthropic',
  cf: 'cloudflare',
  workersai: 'cloudflare',
};

const KEY_WORDS = new Set(['key', 'apikey', 'token', 'secret', 'pat']);

function words(variable: string): string[] {
  return variable
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when the variable is named like a credential (`…_API_KEY`, `…_TOKEN`). */
function isKeyLike(variable: string): boolean {
  return words(variable).some((word) => KEY_WORDS.has(word) || word.endsWith('apikey'));
}

function presetByName(variable: string): ProviderPreset | undefined {
  const parts = words(variable);
  // Single words and joined neighbours, so OPEN_ROUTER and HUGGING_FACE match too.
  const candidates = parts.flatMap((word, index) => [
    word,
    word + (parts[index + 1] ?? ''),
    word + (parts[index + 1] ?? '') + (parts[index + 2] ?? ''),
  ]);
  for (const candidate of candidates) {
    const id = NAME_ALIASES[candidate] ?? candidate;
    const preset = PROVIDER_PRESETS.find(
      (entry) => entry.id === id || entry.id.replaceAll(/[^a-z0-9]/g, '') === id,
    );
    if (preset) return preset;
  }
  return undefined;
}

function matchedPrefixLength(preset: ProviderPreset, secret: string): number {
  return Math.max(
    0,
    ...preset.keyPrefixes.filter((prefix) => secret.startsWith(prefix)).map((prefix) => prefix.length),
  );
}

export function detectKeyProvider(variable: string, secret: string): ProviderDetection {
  const keyLike = isKeyLike(variable);
  const byName = keyLike ? presetByName(variable) : undefined;
  const byPrefix = detectPresetByKey(secret);
  if (byName && byPrefix) {
    if (byName.id === byPrefix.id) return { found: true, preset: byName, detectedBy: 'name and prefix' };
    if (matchedPrefixLength(byName, secret) >= matchedPrefixLength(byPrefix, secret))
      return { found: true, preset: byName, detectedBy: 'name and prefix' };
    return {
      found: true,
      preset: byPrefix,
      detectedBy: 'prefix',
      warning: { code: 'named-for-another', named: byName.name, looksLike: byPrefix.name },
    };
  }
  if (byName) {
    const fits = byName.keyPrefixes.length === 0 || matchedPrefixLength(byName, secret) > 0;
    return fits
      ? { found: true, preset: byName, detectedBy: 'name' }
      : {
          found: true,
          preset: byName,
          detectedBy: 'name',
          warning: { code: 'unusual-prefix', provider: byName.name, prefixes: [...byName.keyPrefixes] },
        };
  }
  if (byPrefix) return { found: true, preset: byPrefix, detectedBy: 'prefix' };
  return { found: false, keyLike };
}
