/**
 * @module Local servers as fallbacks that never run out: no key, no limits. Their hosts are not
 * in the manifest; the extension asks for them (optional host permission) when one is enabled.
 * Models are whatever the user pulled or loaded, so the list comes from the live `/models`.
 */
import type { ProviderPreset } from '../catalog-types';

const local = {
  family: 'openai-compatible',
  keyPrefixes: [],
  modelsEndpoint: '/models',
  keyless: true,
  local: true,
  access: { value: 'free', source: "runs on the user's machine: no provider account", asOf: '2026-12' },
  rateLimitHeaders: 'none',
  models: [],
  // The first request loads the model into memory (again after a few idle minutes): on a CPU
  // that alone can take tens of seconds before the first token.
  firstByteTimeoutMs: {
    value: 60_000,
    source: 'github.com/ollama/ollama/blob/main/docs/faq.md',
    asOf: '2026-12',
    note: 'model load on first request; keep_alive 5 min',
  },
} as const;

export const ollama: ProviderPreset = {
  ...local,
  id: 'ollama',
  name: 'Ollama (local)',
  baseURL: 'http://localhost:11434/v1',
  signupUrl: 'https://ollama.com/download',
  freeTier: {
    note: 'Runs on your machine: free and unlimited. Start it with OLLAMA_ORIGINS=chrome-extension://* so it accepts the extension.',
    link: 'https://github.com/ollama/ollama/blob/main/docs/faq.md',
  },
  defaultModel: 'llama3.2',
};

export const lmstudio: ProviderPreset = {
  ...local,
  id: 'lmstudio',
  name: 'LM Studio (local)',
  baseURL: 'http://localhost:1234/v1',
  signupUrl: 'https://lmstudio.ai',
  freeTier: {
    note: 'Runs on your machine: free and unlimited. Start the server and turn on CORS in the Developer tab.',
    link: 'https://lmstudio.ai/docs/app/api',
  },
  defaultModel: 'local-model',
};

export const llamacpp: ProviderPreset = {
  ...local,
  id: 'llamacpp',
  name: 'llama.cpp server (local)',
  baseURL: 'http://localhost:8080/v1',
  signupUrl: 'https://github.com/ggml-org/llama.cpp/tree/master/tools/server',
  freeTier: {
    note: 'Runs on your machine: free and unlimited. It serves the one model it was started with, whatever the request names.',
    link: 'https://github.com/ggml-org/llama.cpp/tree/master/tools/server',
  },
  defaultModel: 'local-model',
};
