/**
 * @module Hugging Face inference router: free accounts get $0.10 of credit a month (confirmed
 * 2026-10); the hub docs said free users get none and must buy credits, recorded as the dispute.
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('huggingface.co/docs/inference-providers', '2025-09');
const credit = sourcedBy(
  'cheahjs/free-llm-api-resources; mnfst/awesome-free-llm-apis data.json',
  '2026-10-05',
);

export const huggingface: ProviderPreset = {
  id: 'huggingface',
  name: 'Hugging Face router',
  family: 'openai-compatible',
  baseURL: 'https://router.huggingface.co/v1',
  keyPrefixes: ['hf_'],
  modelsEndpoint: '/models',
  signupUrl: 'https://huggingface.co/settings/tokens',
  access: credit('free', {
    note: '$0.10 of credit a month',
    disputedBy: {
      value: 'paid',
      source: 'huggingface/hub-docs docs/inference-providers/pricing.md',
      asOf: '2026-11',
    },
  }),
  freeTier: {
    note: 'A tiny monthly credit: $0.10 a month on free accounts; 402 once spent.',
    link: 'https://huggingface.co/docs/inference-providers/pricing',
  },
  defaultModel: 'meta-llama/Llama-3.3-70B-Instruct',
  rateLimitHeaders: 'none',
  models: [
    {
      id: 'meta-llama/Llama-3.3-70B-Instruct',
      contextWindow: models(131_072),
      capabilities: capabilities('tools'),
    },
    { id: 'openai/gpt-oss-120b', contextWindow: models(131_072), capabilities: capabilities('tools') },
  ],
};
