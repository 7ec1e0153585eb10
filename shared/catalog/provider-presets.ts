/**
 * @module The providers FreeLLM knows: data, not code. Base URLs and key prefixes are from
 * each provider's docs (see ../shared/docs/providers.md for sources); the manifest's host
 * permissions are derived from this list, so adding a provider here is the whole change.
 */

export interface ProviderPreset {
  id: string;
  name: string;
  family: 'openai-compatible';
  baseURL: string;
  /** Longer prefixes first where they overlap (`sk-or-v1-` before `sk-`). */
  keyPrefixes: readonly string[];
  defaultModel: string;
  signupUrl: string;
  unsupportedParams?: readonly string[];
  /** Local servers need no key. */
  keyless?: boolean;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: 'groq', name: 'Groq', family: 'openai-compatible', baseURL: 'https://api.groq.com/openai/v1', keyPrefixes: ['gsk_'], defaultModel: 'llama-3.3-70b-versatile', signupUrl: 'https://console.groq.com/keys', unsupportedParams: ['logprobs', 'logit_bias', 'top_logprobs'] },
  { id: 'cerebras', name: 'Cerebras', family: 'openai-compatible', baseURL: 'https://api.cerebras.ai/v1', keyPrefixes: ['csk-'], defaultModel: 'gpt-oss-120b', signupUrl: 'https://cloud.cerebras.ai' },
  { id: 'mistral', name: 'Mistral', family: 'openai-compatible', baseURL: 'https://api.mistral.ai/v1', keyPrefixes: [], defaultModel: 'mistral-small-latest', signupUrl: 'https://console.mistral.ai/api-keys', unsupportedParams: ['logit_bias', 'logprobs', 'top_logprobs', 'seed'] },
  { id: 'openrouter', name: 'OpenRouter', family: 'openai-compatible', baseURL: 'https://openrouter.ai/api/v1', keyPrefixes: ['sk-or-v1-'], defaultModel: 'meta-llama/llama-3.3-70b-instruct:free', signupUrl: 'https://openrouter.ai/keys' },
  { id: 'openai', name: 'OpenAI', family: 'openai-compatible', baseURL: 'https://api.openai.com/v1', keyPrefixes: ['sk-proj-', 'sk-'], defaultModel: 'gpt-4o-mini', signupUrl: 'https://platform.openai.com/api-keys' },
  { id: 'gemini', name: 'Google Gemini (OpenAI-compatible endpoint)', family: 'openai-compatible', baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai', keyPrefixes: ['AIza'], defaultModel: 'gemini-2.5-flash', signupUrl: 'https://aistudio.google.com/apikey' },
  { id: 'together', name: 'Together AI', family: 'openai-compatible', baseURL: 'https://api.together.xyz/v1', keyPrefixes: ['tgp_v1_'], defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', signupUrl: 'https://api.together.ai/settings/api-keys' },
  { id: 'fireworks', name: 'Fireworks AI', family: 'openai-compatible', baseURL: 'https://api.fireworks.ai/inference/v1', keyPrefixes: ['fw_'], defaultModel: 'accounts/fireworks/models/llama-v3p3-70b-instruct', signupUrl: 'https://fireworks.ai/account/api-keys' },
  { id: 'deepinfra', name: 'DeepInfra', family: 'openai-compatible', baseURL: 'https://api.deepinfra.com/v1/openai', keyPrefixes: [], defaultModel: 'meta-llama/Llama-3.3-70B-Instruct', signupUrl: 'https://deepinfra.com/dash/api_keys' },
  { id: 'huggingface', name: 'Hugging Face router', family: 'openai-compatible', baseURL: 'https://router.huggingface.co/v1', keyPrefixes: ['hf_'], defaultModel: 'meta-llama/Llama-3.3-70B-Instruct', signupUrl: 'https://huggingface.co/settings/tokens' },
  { id: 'sambanova', name: 'SambaNova', family: 'openai-compatible', baseURL: 'https://api.sambanova.ai/v1', keyPrefixes: [], defaultModel: 'Meta-Llama-3.3-70B-Instruct', signupUrl: 'https://cloud.sambanova.ai/apis' },
  { id: 'nvidia', name: 'NVIDIA NIM', family: 'openai-compatible', baseURL: 'https://integrate.api.nvidia.com/v1', keyPrefixes: ['nvapi-'], defaultModel: 'meta/llama-3.3-70b-instruct', signupUrl: 'https://build.nvidia.com' },
];

export function findPreset(id: string): ProviderPreset | undefined {
  return PROVIDER_PRESETS.find((preset) => preset.id === id);
}

/** Match patterns for the manifest: one per provider API host. */
export function presetHostPatterns(): string[] {
  return [...new Set(PROVIDER_PRESETS.map((preset) => `${new URL(preset.baseURL).origin}/*`))];
}

/** The preset whose key prefix matches, longest prefix first; undefined for prefix-less keys. */
export function detectPresetByKey(key: string): ProviderPreset | undefined {
  const matches = PROVIDER_PRESETS.flatMap((preset) => preset.keyPrefixes.map((prefix) => ({ preset, prefix })));
  matches.sort((a, b) => b.prefix.length - a.prefix.length);
  return matches.find(({ prefix }) => key.startsWith(prefix))?.preset;
}
