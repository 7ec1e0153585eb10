/**
 * @module Gemini's `streamGenerateContent?alt=sse` → OpenAI chunks. Each `data:` is a whole
 * GenerateContentResponse holding only the new parts; there is no `[DONE]`, the stream ends at
 * EOF, and the last response carries `finishReason` and the usage. A function call arrives whole,
 * so it becomes a start fragment plus one arguments fragment. A stream that ends without a
 * finishReason was cut off and becomes a classified error.
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 */
import type { ChatCompletionChunk } from '../../openai/chat';
import { createChunkFactory, type ChunkFactory } from '../openai-chunks';
import type { ResponseContext } from '../types';
import { malformedUpstream } from '../upstream-fetch';
import type { GeminiResponse, GeminiUsage } from './gemini-api';
import {
  completionId,
  convertGeminiUsage,
  finishOf,
  throwIfPromptBlocked,
  toolCallId,
} from './map-gemini-response';

/** Ends with a usage chunk whether or not the caller asked (see mapAnthropicStream). */
export async function* mapGeminiStream(
  events: AsyncIterable<GeminiResponse>,
  context: ResponseContext,
): AsyncGenerator<ChatCompletionChunk> {
  let chunks: ChunkFactory | undefined;
  let toolCount = 0;
  let finish: { reason: string; message?: string | null } | undefined;
  let usage: GeminiUsage | undefined;
  for await (const response of events) {
    throwIfPromptBlocked(response, context);
    if (!chunks) {
      chunks = createChunkFactory({
        id: completionId(response, context.now),
        model: response.modelVersion ?? context.model,
        created: Math.floor(context.now / 1000),
      });
      yield chunks.role();
    }
    const candidate = response.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      if (part.thought) continue;
      if (part.functionCall) {
        const index = toolCount++;
        yield chunks.toolCallStart(
          index,
          toolCallId(response, context.now, index, part.functionCall.id),
          part.functionCall.name ?? '',
        );
        yield chunks.toolCallArguments(index, JSON.stringify(part.functionCall.args ?? {}));
      } else if (part.text) {
        yield chunks.content(part.text);
      }
    }
    if (candidate?.finishReason)
      finish = { reason: candidate.finishReason, message: candidate.finishMessage };
    if (response.usageMetadata) usage = response.usageMetadata;
  }
  if (!chunks || !finish) throw malformedUpstream(context, 'a stream that ended before it finished');
  yield chunks.finish(finishOf(finish.reason, toolCount > 0, context, finish.message));
  if (usage) yield chunks.usage(convertGeminiUsage(usage));
}
