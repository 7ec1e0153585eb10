/**
 * @module Hugging Face inference router. Sources disagree on free use: the pricing page gives
 * free accounts $0.10 a month, the hub docs say free users get none and must buy credits.
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const models = sourcedBy('huggingface.co/docs/inference-providers', '2025-09');

export const huggingface: ProviderPreset = {
  id: 'huggingface',
  name: 'Hugging Face router',
  family: 'openai-compatible',
  baseURL: 'https://router.huggingface.co/v1',
  auth: 'bearer',
  keyPrefixes: ['hf_'],
  modelsEndpoint: '/models',
  signupUrl: 'https://huggingface.co/settings/tokens',
  freeTier: {
    note: 'Tiny monthly credit at most ($0.10 per the pricing page; none per the hub docs); 402 once spent.',
    link: 'https://huggingface.co/docs/inference-providers/pricing',
  },
  defaultModel: 'meta-llama/Llama-3.3-70B-Instruct',
  rateLimitHeaders: 'none',
  models: [
    { id: 'meta-llama/Llama-3.3-70B-Instruct', contextWindow: models(131_072), capabilities: capabilities('tools') },
    { id: 'openai/gpt-oss-120b', contextWindow: models(131_072), capabilities: capabilities('tools') },
  ],
};
