/** @module Scaleway Generative APIs: IAM secret keys (UUID-shaped); free allowance unconfirmed. */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy(
  'scaleway.com/en/docs/generative-apis/reference-content/supported-models',
  '2025-09',
);

export const scaleway: ProviderPreset = {
  id: 'scaleway',
  name: 'Scaleway',
  family: 'openai-compatible',
  // `…/{project_id}/v1` also works; the default project is used here.
  baseURL: 'https://api.scaleway.ai/v1',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://console.scaleway.com/iam/api-keys',
  access: {
    value: 'trial-credit',
    source:
      'scaleway.com/en/pricing/model-as-a-service (free allowance for new accounts, if any; unconfirmed)',
    asOf: '2026-11',
  },
  freeTier: {
    note: 'A free token allowance for new accounts, if any (unconfirmed).',
    link: 'https://www.scaleway.com/en/pricing/model-as-a-service/',
  },
  defaultModel: 'llama-3.3-70b-instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'llama-3.3-70b-instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools', 'json'),
    },
    {
      id: 'mistral-small-3.2-24b-instruct-2506',
      contextWindow: models(128_000),
      capabilities: capabilities('tools', 'vision', 'json'),
    },
    { id: 'gpt-oss-120b', contextWindow: models(131_072), capabilities: capabilities('tools', 'json') },
  ],
};
