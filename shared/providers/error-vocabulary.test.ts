import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyAnthropicError } from './anthropic/classify-anthropic-error';
import { classifyCohereError } from './cohere/classify-cohere-error';
import { classifyGeminiError } from './gemini/classify-gemini-error';
import { classifyOpenAICompatibleError } from './openai-compatible/classify-openai-compatible-error';
import type { ErrorClassifier } from './upstream-fetch';

/** Each family's own answer, as its fixture and status say, classified by that family's classifier. */
function classified(classify: ErrorClassifier, fixture: string, status: number) {
  const bodyText = readFileSync(new URL(fixture, import.meta.url), 'utf8');
  return classify({
    status,
    headers: new Headers(),
    bodyText,
    providerId: 'provider',
    providerName: 'Provider',
    now: 0,
  });
}

const refusedKeys = [
  [
    'OpenAI-compatible',
    classifyOpenAICompatibleError,
    './openai-compatible/__fixtures__/invalid-key.error.json',
    401,
  ],
  ['Anthropic', classifyAnthropicError, './anthropic/__fixtures__/invalid-key.error.json', 401],
  ['Gemini', classifyGeminiError, './gemini/__fixtures__/invalid-key.error.json', 400],
  ['Cohere', classifyCohereError, './cohere/__fixtures__/invalid-key.error.json', 498],
] as const;

const tooLongPrompts = [
  [
    'OpenAI-compatible',
    classifyOpenAICompatibleError,
    './openai-compatible/__fixtures__/context-length.error.json',
    400,
  ],
  ['Anthropic', classifyAnthropicError, './anthropic/__fixtures__/prompt-too-long.error.json', 400],
  [
    'Anthropic (too large)',
    classifyAnthropicError,
    './anthropic/__fixtures__/request-too-large.error.json',
    413,
  ],
  ['Gemini', classifyGeminiError, './gemini/__fixtures__/context-length.error.json', 400],
  ['Cohere', classifyCohereError, './cohere/__fixtures__/context-length.error.json', 400],
] as const;

/** A model the provider no longer has (or never had), in each family's words: a second one retires it. */
const goneModels = [
  [
    'OpenAI-compatible',
    classifyOpenAICompatibleError,
    './openai-compatible/__fixtures__/model-not-found.error.json',
    404,
  ],
  [
    'Groq (decommissioned)',
    classifyOpenAICompatibleError,
    './openai-compatible/__fixtures__/groq-decommissioned.error.json',
    400,
  ],
  ['Anthropic', classifyAnthropicError, './anthropic/__fixtures__/not-found.error.json', 404],
  ['Gemini', classifyGeminiError, './gemini/__fixtures__/not-found.error.json', 404],
  ['Cohere', classifyCohereError, './cohere/__fixtures__/not-found.error.json', 404],
] as const;

describe('one error vocabulary across families', () => {
  it.each(refusedKeys)(
    '%s: a refused key reaches the caller as a 401 authentication error',
    (_family, classify, fixture, status) => {
      const error = classified(classify, fixture, status);
      expect(error).toMatchObject({ status: 401, type: 'authentication_error' });
      // The provider's own status stays in the message, for whoever reads it.
      expect(error.message).toContain(`HTTP ${status}`);
    },
  );

  it.each(tooLongPrompts)(
    "%s: a prompt too long carries OpenAI's context_length_exceeded code",
    (_family, classify, fixture, status) => {
      expect(classified(classify, fixture, status).toBody().error).toMatchObject({
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
      });
    },
  );

  it.each(goneModels)('%s: a model that is gone reads as not found', (_family, classify, fixture, status) => {
    expect(classified(classify, fixture, status).kind).toBe('not_found');
  });
});
