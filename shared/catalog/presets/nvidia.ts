/** @module NVIDIA NIM (build.nvidia.com): evaluation access, rate-limited per model (no credits since about 2025-09). */
import {
  capabilities,
  EMBEDDING_ONLY,
  sourcedBy,
  type FreeTierLimits,
  type ProviderPreset,
} from '../catalog-types';
import { serialToolCalls } from '../../providers/openai-compatible/request-body-quirks';

const observed = sourcedBy('freellmapi audit V26; cheahjs/free-llm-api-resources', '2026-06-10');
const models = sourcedBy('build.nvidia.com/models', '2025-09');

const free: FreeTierLimits = { scope: 'model', rpm: observed(40) };

export const nvidia: ProviderPreset = {
  id: 'nvidia',
  name: 'NVIDIA NIM',
  family: 'openai-compatible',
  baseURL: 'https://integrate.api.nvidia.com/v1',
  keyPrefixes: ['nvapi-'],
  modelsEndpoint: '/models',
  signupUrl: 'https://build.nvidia.com',
  browserCors: {
    value: false,
    source: 'docs/providers.md §1, from github.com/meltylabs/chorus/pull/35',
    asOf: '2026-11',
    note: 'no Access-Control-Allow-Origin',
  },
  access: observed('free', { note: 'evaluation-only terms; the credit system ended around 2025-09' }),
  freeTier: {
    note: 'Free for evaluation (developer program), not production: 40 requests a minute per model; cold starts can take a minute; models reach end of life.',
    link: 'https://build.nvidia.com/explore/discover',
  },
  defaultModel: 'meta/llama-3.3-70b-instruct',
  // Some hosted models refuse parallel tool calls ("only supports single tool-calls at once!").
  transformRequestBody: serialToolCalls,
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'meta/llama-3.3-70b-instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
      freeTier: free,
    },
    {
      id: 'openai/gpt-oss-120b',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
      freeTier: free,
    },
    {
      id: 'baai/bge-m3',
      contextWindow: models(8_192),
      capabilities: EMBEDDING_ONLY,
      // No published batch limit: kept small.
      embedding: { dimensions: 1_024, maxBatch: 32 },
      freeTier: free,
    },
  ],
};
