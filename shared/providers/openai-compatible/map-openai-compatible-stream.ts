/**
 * @module An OpenAI-compatible provider's stream chunks (leniently parsed) → the chunks FreeLLM
 * promises its callers, each normalized as the completion is. A stream that ends before any
 * chunk gave a finish reason was cut off and becomes an error, never a silent end.
 */
import type { ChatCompletionChunk } from '../../openai/chat';
import type { ResponseContext } from '../types';
import { malformedUpstream } from '../upstream-fetch';
import {
  identityFromContext,
  identityOf,
  normalizeUsage,
  type Identity,
} from './map-openai-compatible-response';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason';
import type { UpstreamChunk, UpstreamToolCallDelta } from './openai-compatible-api';

export async function* mapOpenAICompatibleStream(
  upstream: AsyncIterable<UpstreamChunk>,
  context: ResponseContext,
): AsyncGenerator<ChatCompletionChunk> {
  let finished = false;
  const normalize = createChunkNormalizer(context);
  for await (const upstreamChunk of upstream) {
    const chunk = normalize(upstreamChunk);
    if (chunk.choices.some((choice) => choice.finish_reason)) finished = true;
    yield chunk;
  }
  if (!finished) throw malformedUpstream(context, 'a stream that ended before it finished');
}

/**
 * A normalizer for one stream: it remembers the first id, `created` and model seen, so chunks
 * that leave them out match the others, and, per choice, the tool calls begun, so a delta without
 * `index` either starts the next call (a new id, or a name without id) or continues the last.
 */
export function createChunkNormalizer(
  context: ResponseContext,
): (chunk: UpstreamChunk) => ChatCompletionChunk {
  let identity: Identity | undefined;
  const toolCallsBegun = new Map<number, { count: number; lastId?: string | null }>();

  function indexToolCall(choiceIndex: number, delta: UpstreamToolCallDelta): number {
    const begun = toolCallsBegun.get(choiceIndex) ?? { count: 0 };
    const starts = delta.id ? delta.id !== begun.lastId : Boolean(delta.function?.name);
    const index = delta.index ?? (starts ? begun.count : Math.max(0, begun.count - 1));
    toolCallsBegun.set(choiceIndex, {
      count: Math.max(begun.count, index + 1),
      lastId: delta.id ?? begun.lastId,
    });
    return index;
  }

  return (chunk) => {
    identity = identityOf(chunk, identity ?? identityFromContext(context));
    const { usage } = chunk;
    return {
      ...chunk,
      ...identity,
      object: 'chat.completion.chunk',
      choices: (chunk.choices ?? []).map((choice, position) => {
        const index = choice.index ?? position;
        const { role, tool_calls: toolCalls, ...delta } = choice.delta ?? {};
        return {
          ...choice,
          index,
          delta: {
            ...delta,
            ...(role === undefined || role === null ? {} : { role: 'assistant' as const }),
            ...(toolCalls
              ? {
                  tool_calls: toolCalls.map((call) => ({
                    ...call,
                    index: indexToolCall(index, call),
                    type: call.type === null || call.type === undefined ? call.type : ('function' as const),
                  })),
                }
              : {}),
          },
          finish_reason: choice.finish_reason
            ? mapOpenAICompatibleFinishReason(choice.finish_reason, toolCallsBegun.has(index))
            : null,
        };
      }),
      usage: usage ? normalizeUsage(usage) : usage,
    };
  };
}
