/** @module Mistral: the free "Experiment" plan; account-wide limits, and 422 on unknown fields. */
import { capabilities, EMBEDDING_ONLY, sourcedBy, type ProviderPreset } from '../catalog-types';
import { renameField } from '../../providers/openai-compatible/request-body-quirks';

const models = sourcedBy('docs.mistral.ai/getting-started/models', '2025-09');
const verified = sourcedBy(
  'OmniRoute FREE_TIERS.md (console-verified); help.mistral.ai/en/articles/225174',
  '2026-09-02',
);

export const mistral: ProviderPreset = {
  id: 'mistral',
  name: 'Mistral',
  family: 'openai-compatible',
  baseURL: 'https://api.mistral.ai/v1',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://console.mistral.ai/api-keys',
  browserCors: {
    value: true,
    source: 'docs/providers.md §1, from github.com/infiolab/infio-copilot/issues/146',
    asOf: '2026-11',
    note: "its preflight refuses the OpenAI SDK's `x-stainless-*` headers; FreeLLM sends none",
  },
  access: verified('free', {
    note: 'one unconfirmed report of 429s on the free plan (OmniRoute discussion #16252, 2026-10)',
  }),
  freeTier: {
    note: 'Free "Experiment" plan (phone verification, no card): free data trains models unless you opt out; limits shared by the whole organization. Codestral also has its own free endpoint and key (codestral.mistral.ai: 30 RPM, 2,000 a day).',
    link: 'https://help.mistral.ai/en/articles/225174',
    limits: {
      scope: 'account',
      rpm: verified(60, {
        note: '1 request per second',
        disputedBy: { value: 2, source: 'freellmapi seed', asOf: '2026-06' },
      }),
      tpm: verified(500_000),
      tokensPerMonth: verified(1_000_000_000),
    },
  },
  defaultModel: 'mistral-small-latest',
  // Mistral answers 422 to fields it does not know. @see https://docs.mistral.ai/api/#tag/chat
  unsupportedParams: ['top_k', 'min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'reasoning_effort'],
  transformRequestBody: renameField('seed', 'random_seed'),
  rateLimitHeaders: 'mistral',
  models: [
    {
      id: 'mistral-small-latest',
      contextWindow: models(128_000),
      capabilities: capabilities('tools', 'vision', 'json'),
    },
    {
      id: 'mistral-medium-latest',
      contextWindow: models(128_000),
      capabilities: capabilities('tools', 'vision', 'json'),
    },
    {
      id: 'mistral-large-latest',
      contextWindow: models(128_000),
      capabilities: capabilities('tools', 'json'),
    },
    { id: 'codestral-latest', contextWindow: models(256_000), capabilities: capabilities('tools', 'json') },
    { id: 'open-mistral-nemo', contextWindow: models(128_000), capabilities: capabilities('tools', 'json') },
    {
      id: 'mistral-embed',
      contextWindow: models(8_192),
      capabilities: EMBEDDING_ONLY,
      // 257 inputs are refused with "Too many inputs in request, split into more batches" (rig-core, verified live).
      embedding: { dimensions: 1_024, maxBatch: 256 },
    },
  ],
};
