/**
 * @module Z.ai (GLM), international host; China uses https://open.bigmodel.cn/api/paas/v4 with
 * its own keys (set it as a base-URL override). The `-flash` models are free; limits unpublished.
 */
import { capabilities, sourcedBy, type ProviderPreset } from '../catalog-types';

const pricing = sourcedBy('docs.z.ai/guides/overview/pricing', '2026-08');

export const zai: ProviderPreset = {
  id: 'zai',
  name: 'Z.ai (GLM)',
  family: 'openai-compatible',
  baseURL: 'https://api.z.ai/api/paas/v4',
  auth: 'bearer',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  signupUrl: 'https://z.ai/manage-apikey/apikey-list',
  freeTier: { note: 'GLM flash models are free, limits unpublished; they stream long reasoning first (slow first token).', link: 'https://docs.z.ai/guides/overview/pricing' },
  defaultModel: 'glm-4.5-flash',
  rateLimitHeaders: 'none',
  models: [
    { id: 'glm-4.5-flash', contextWindow: pricing(131_072), capabilities: capabilities('tools', 'json') },
    { id: 'glm-4.7-flash', contextWindow: pricing(131_072), capabilities: capabilities('tools', 'json') },
    { id: 'glm-4.6v-flash', contextWindow: pricing(65_536), capabilities: capabilities('tools', 'vision') },
  ],
};
