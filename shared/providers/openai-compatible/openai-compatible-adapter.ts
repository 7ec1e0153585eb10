/**
 * @module One adapter for every provider that speaks OpenAI's chat-completions format; the
 * differences between them live in data (presets), not subclasses.
 */
import {
  chatCompletionChunkSchema,
  chatCompletionSchema,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
} from '../../openai/chat';
import { decodeSse } from '../../sse/decode-sse';
import type { AdapterCall, ProviderAdapter } from '../types';
import { fetchUpstream, malformedUpstream } from '../upstream-fetch';
import { classifyOpenAICompatibleError } from './classify-openai-compatible-error';

export interface OpenAICompatibleQuirks {
  /** Body fields the provider rejects; dropped before sending. */
  unsupportedParams?: readonly string[];
}

export function createOpenAICompatibleAdapter(quirks: OpenAICompatibleQuirks = {}): ProviderAdapter {
  function buildInit(request: ChatCompletionRequest, call: AdapterCall, stream: boolean): RequestInit {
    const body: Record<string, unknown> = { ...request, model: call.model, stream };
    if (!stream) delete body.stream_options;
    for (const param of quirks.unsupportedParams ?? []) delete body[param];
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (call.apiKey) headers.authorization = `Bearer ${call.apiKey}`;
    return { method: 'POST', headers, body: JSON.stringify(body) };
  }

  return {
    async complete(request, call): Promise<ChatCompletion> {
      const response = await fetchUpstream(call, `${call.baseURL}/chat/completions`, buildInit(request, call, false), classifyOpenAICompatibleError);
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw malformedUpstream(call.providerId, 'a response that is not JSON', error);
      }
      const parsed = chatCompletionSchema.safeParse(json);
      if (!parsed.success) throw malformedUpstream(call.providerId, `a response that is not a chat completion: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    },

    async stream(request, call): Promise<AsyncIterable<ChatCompletionChunk>> {
      const response = await fetchUpstream(call, `${call.baseURL}/chat/completions`, buildInit(request, call, true), classifyOpenAICompatibleError);
      if (!response.body) throw malformedUpstream(call.providerId, 'a stream without a body');
      return readChunks(response.body, call);
    },
  };
}

async function* readChunks(body: ReadableStream<Uint8Array>, call: AdapterCall): AsyncGenerator<ChatCompletionChunk> {
  let finished = false;
  for await (const event of decodeSse(body)) {
    if (event.data === '[DONE]') return;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch (error) {
      throw malformedUpstream(call.providerId, 'a stream event that is not JSON', error);
    }
    // Some providers (OpenRouter) report failures inside a 200 stream.
    if (typeof json === 'object' && json !== null && 'error' in json) {
      throw classifyOpenAICompatibleError({ status: 502, headers: new Headers(), bodyText: event.data, providerId: call.providerId, now: call.now() });
    }
    const parsed = chatCompletionChunkSchema.safeParse(json);
    if (!parsed.success) throw malformedUpstream(call.providerId, `a stream chunk of unexpected shape: ${parsed.error.issues[0]?.message}`);
    if (parsed.data.choices.some((choice) => choice.finish_reason)) finished = true;
    yield parsed.data;
  }
  if (!finished) throw malformedUpstream(call.providerId, 'a stream that ended before it finished');
}
