/**
 * @module The adapter for Anthropic's native Messages API: builds `POST {baseURL}/messages` from
 * an OpenAI request, and turns the answer — JSON, SSE or an error — back into OpenAI objects.
 * Browsers may call Anthropic only with `anthropic-dangerous-direct-browser-access`, and that is
 * where FreeLLM runs.
 * @see https://docs.anthropic.com/en/api/messages
 */
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest } from '../../openai/chat';
import type { AdapterCall, ProviderAdapter } from '../types';
import { fetchUpstream, malformedUpstream, readJsonBody } from '../upstream-fetch';
import { anthropicMessageSchema } from './anthropic-api';
import { classifyAnthropicError } from './classify-anthropic-error';
import { convertAnthropicResponse } from './map-anthropic-response';
import { convertAnthropicStream } from './map-anthropic-stream';
import { convertToAnthropicMessages } from './convert-to-anthropic-request';

export const ANTHROPIC_VERSION = '2023-06-01';

function buildInit(request: ChatCompletionRequest, call: AdapterCall, stream: boolean): RequestInit {
  const body = { ...convertToAnthropicMessages(request, call.model), ...(stream ? { stream: true } : {}) };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'anthropic-version': ANTHROPIC_VERSION,
    'anthropic-dangerous-direct-browser-access': 'true',
  };
  if (call.apiKey) headers['x-api-key'] = call.apiKey;
  return { method: 'POST', headers, body: JSON.stringify(body) };
}

export function createAnthropicAdapter(): ProviderAdapter {
  return {
    async complete(request, call): Promise<ChatCompletion> {
      const init = buildInit(request, call, false);
      const response = await fetchUpstream(call, `${call.baseURL}/messages`, init, classifyAnthropicError);
      const message = await readJsonBody(response, anthropicMessageSchema, call, 'a response that is not a message');
      return convertAnthropicResponse(message, { model: call.model, created: Math.floor(call.now() / 1000) });
    },

    async stream(request, call): Promise<AsyncIterable<ChatCompletionChunk>> {
      const init = buildInit(request, call, true);
      const response = await fetchUpstream(call, `${call.baseURL}/messages`, init, classifyAnthropicError);
      if (!response.body) throw malformedUpstream(call.providerId, 'a stream without a body');
      return convertAnthropicStream(response.body, call);
    },
  };
}
