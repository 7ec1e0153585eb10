/**
 * @module Cloudflare Workers AI. Each key is entered as `ACCOUNT_ID:API_TOKEN`, since the account
 * id is part of the URL (see cloudflare-account-key.ts).
 */
import {
  CLOUDFLARE_ACCOUNT_KEY,
  CLOUDFLARE_ACCOUNT_PLACEHOLDER,
  prepareCloudflareCall,
} from '../../providers/openai-compatible/cloudflare-account-key';
import { defaultTokenCap, pipeline, tokenCapAs } from '../../providers/openai-compatible/request-body-quirks';
import { capabilities, EMBEDDING_ONLY, sourcedBy, type ProviderPreset } from '../catalog-types';

const pricing = sourcedBy('developers.cloudflare.com/workers-ai/platform/pricing', '2026-08');
const models = sourcedBy('developers.cloudflare.com/workers-ai/models', '2025-10');
const survey = sourcedBy('mnfst/awesome-free-llm-apis data.json', '2026-10-05');

/** The server's default output cap is small; an unset cap would truncate answers. */
export const CLOUDFLARE_DEFAULT_MAX_TOKENS = 8_192;

export const cloudflare: ProviderPreset = {
  id: 'cloudflare',
  name: 'Cloudflare Workers AI',
  family: 'openai-compatible',
  baseURL: `https://api.cloudflare.com/client/v4/accounts/${CLOUDFLARE_ACCOUNT_PLACEHOLDER}/ai/v1`,
  keyPrefixes: [],
  keyPattern: CLOUDFLARE_ACCOUNT_KEY,
  keyFormat: 'ACCOUNT_ID:API_TOKEN — your account id (dashboard URL), a colon, then a Workers AI API token',
  signupUrl: 'https://dash.cloudflare.com/profile/api-tokens',
  browserCors: {
    value: false,
    source: 'docs/providers.md §1, from github.com/cloudflare/cloudflare-rs/issues/167',
    asOf: '2026-11',
    note: 'api.cloudflare.com sends no Access-Control-Allow-Origin',
  },
  access: survey('free'),
  freeTier: {
    note: '10,000 neurons a day per account, reset at 00:00 UTC; a 70B model spends them in a few hundred short requests. Seven newer models are not covered (Kimi K2.6/K2.7, GLM-5.x, DeepSeek V4).',
    link: 'https://developers.cloudflare.com/workers-ai/platform/pricing/',
    limits: {
      scope: 'account',
      neuronsPerDay: pricing(10_000, {
        note: 'confirmed by mnfst/awesome-free-llm-apis data.json (2026-10-05)',
      }),
    },
  },
  defaultModel: '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
  unsupportedParams: ['min_p', 'logit_bias', 'logprobs', 'top_logprobs', 'reasoning_effort'],
  transformRequestBody: pipeline(
    tokenCapAs('max_tokens'),
    defaultTokenCap('max_tokens', CLOUDFLARE_DEFAULT_MAX_TOKENS),
  ),
  prepareCall: prepareCloudflareCall,
  rateLimitHeaders: 'none',
  models: [
    {
      id: '@cf/meta/llama-3.3-70b-instruct-fp8-fast',
      contextWindow: models(24_000),
      capabilities: capabilities('tools'),
    },
    { id: '@cf/openai/gpt-oss-120b', contextWindow: models(128_000), capabilities: capabilities() },
    {
      id: '@cf/meta/llama-3.1-8b-instruct-fast',
      contextWindow: models(128_000),
      capabilities: capabilities(),
    },
    // Served at the same OpenAI-compatible root (`/ai/v1/embeddings`), at most 100 texts a call.
    {
      id: '@cf/baai/bge-m3',
      contextWindow: models(8_192),
      capabilities: EMBEDDING_ONLY,
      embedding: { dimensions: 1_024, maxBatch: 100 },
    },
    {
      id: '@cf/baai/bge-base-en-v1.5',
      contextWindow: models(512),
      capabilities: EMBEDDING_ONLY,
      embedding: { dimensions: 768, maxBatch: 100 },
    },
  ],
};
