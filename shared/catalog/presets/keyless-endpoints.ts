/**
 * @module Remote endpoints that answer without a key, under their own terms, limited per IP
 * address (shared with everyone behind the same address). Opt-in: turned on like a local server,
 * from the popup's zero-key start or the key form. Checked 2026-12 and left out: LLM7 (now asks
 * for a free token, so it is a key like any other), AI Horde (its own asynchronous submit-and-poll
 * format, answered by volunteers' machines that see the prompts, often minutes later).
 */
import { sourcedBy, type ProviderPreset } from '../catalog-types';

const ovhDocs = sourcedBy(
  'docs.ovhcloud.com AI Endpoints getting started, "Model rate limit" (github.com/ovh/docs b60ea9f)',
  '2025-08',
);
const kiloDocs = sourcedBy('kilo.ai/docs/gateway/authentication, "Anonymous access"', '2026-12');

const keyless = {
  family: 'openai-compatible',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  keyless: true,
  models: [],
} as const;

export const ovh: ProviderPreset = {
  ...keyless,
  id: 'ovh',
  name: 'OVHcloud AI Endpoints (no key)',
  baseURL: 'https://oai.endpoints.kepler.ai.cloud.ovh.net/v1',
  signupUrl: 'https://endpoints.ai.cloud.ovh.net',
  access: ovhDocs('free', {
    note: 'anonymous calls are free; a key (paid project) lifts the limit to 400 RPM',
  }),
  freeTier: {
    note: 'No key: 2 requests a minute per model for your IP address. Hosted in France; OVHcloud says prompts are not stored.',
    link: 'https://help.ovhcloud.com/csm/en-public-cloud-ai-endpoints-getting-started',
    limits: { scope: 'model', rpm: ovhDocs(2, { note: 'per IP address and per model' }) },
  },
  defaultModel: 'Meta-Llama-3_3-70B-Instruct',
  rateLimitHeaders: 'openai',
};

export const kilo: ProviderPreset = {
  ...keyless,
  id: 'kilo',
  name: 'Kilo Gateway free models (no key)',
  baseURL: 'https://api.kilo.ai/api/gateway',
  signupUrl: 'https://kilo.ai',
  access: kiloDocs('free', {
    disputedBy: {
      value: null,
      source: 'github.com/Kilo-Org/kilo/issues/315 (anonymous chat refused with 401 on /api/openrouter)',
      asOf: '2026-12',
    },
  }),
  freeTier: {
    note: 'No key: its free models only, 200 requests an hour for your IP address.',
    promptsWarning:
      'Kilo passes prompts to the free models’ hosts, which may log them and train on them: send nothing private.',
    link: 'https://kilo.ai/docs/gateway/authentication',
    limits: {
      scope: 'account',
      rpm: kiloDocs(3, {
        note: '200 requests an hour per IP address, kept as 3 a minute: the ledger has no hourly window',
      }),
    },
  },
  defaultModel: 'z-ai/glm-5:free',
  rateLimitHeaders: 'openai',
};
