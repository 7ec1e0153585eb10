/**
 * @module Cohere's v2 chat stream → OpenAI chunks. Events are typed by the payload's `type`:
 * message-start, content-delta (text; `thinking` deltas are skipped), tool-call-start/delta/end,
 * and message-end with finish_reason and usage. tool-plan, citation and content-start/end events
 * carry nothing OpenAI clients read. A stream without message-end was cut off and becomes a
 * classified error.
 * @see https://docs.cohere.com/reference/chat-stream
 */
import type { ChatCompletionChunk } from '../../openai/chat';
import { createChunkFactory } from '../openai-chunks';
import type { ResponseContext } from '../types';
import { malformedUpstream } from '../upstream-fetch';
import type { CohereStreamEvent, CohereUsage } from './cohere-api';
import { convertCohereUsage, finishOf } from './map-cohere-response';

/** Ends with a usage chunk whether or not the caller asked (see mapAnthropicStream). */
export async function* mapCohereStream(
  events: AsyncIterable<CohereStreamEvent>,
  context: ResponseContext,
): AsyncGenerator<ChatCompletionChunk> {
  let chunks: ReturnType<typeof createChunkFactory> | undefined;
  const toolCalls = new Map<number, { index: number; hasArguments: boolean }>();
  let end: { reason: string; usage?: CohereUsage | null } | undefined;
  for await (const event of events) {
    if (!chunks) {
      chunks = createChunkFactory({
        id: `chatcmpl-${event.id ?? `cohere-${context.now}`}`,
        model: context.model,
        created: Math.floor(context.now / 1000),
      });
      yield chunks.role();
    }
    const message = event.delta?.message;
    const call = message?.tool_calls && !Array.isArray(message.tool_calls) ? message.tool_calls : undefined;
    const upstreamIndex = event.index ?? 0;
    switch (event.type) {
      case 'content-delta': {
        const text = message?.content && !Array.isArray(message.content) ? message.content.text : undefined;
        if (text) yield chunks.content(text);
        break;
      }
      case 'tool-call-start': {
        const state = { index: toolCalls.size, hasArguments: Boolean(call?.function?.arguments) };
        toolCalls.set(upstreamIndex, state);
        yield chunks.toolCallStart(
          state.index,
          call?.id ?? `call_${event.id ?? context.now}_${state.index}`,
          call?.function?.name ?? '',
        );
        if (call?.function?.arguments) yield chunks.toolCallArguments(state.index, call.function.arguments);
        break;
      }
      case 'tool-call-delta': {
        const state = toolCalls.get(upstreamIndex);
        if (!state) throw malformedUpstream(context, 'a tool-call-delta for a tool call it never started');
        if (call?.function?.arguments) {
          state.hasArguments = true;
          yield chunks.toolCallArguments(state.index, call.function.arguments);
        }
        break;
      }
      case 'tool-call-end': {
        const state = toolCalls.get(upstreamIndex);
        // A call without arguments still owes OpenAI clients a parseable object.
        if (state && !state.hasArguments) yield chunks.toolCallArguments(state.index, '{}');
        break;
      }
      case 'message-end':
        end = { reason: event.delta?.finish_reason ?? 'COMPLETE', usage: event.delta?.usage };
        break;
    }
  }
  if (!chunks || !end) throw malformedUpstream(context, 'a stream that ended before message-end');
  yield chunks.finish(finishOf(end.reason, toolCalls.size > 0, context));
  if (end.usage) yield chunks.usage(convertCohereUsage(end.usage));
}
