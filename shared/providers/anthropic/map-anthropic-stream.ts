/**
 * @module Anthropic stream events → OpenAI chat-completion chunks. Text deltas become content;
 * each `tool_use` block becomes a tool call numbered from 0 (its id and name first, then its
 * argument fragments); `message_stop` gives the finish chunk and, when asked, a usage chunk.
 * The role chunk waits for the first output, so an `error` event before any output still lets
 * the router fail over. A stream that ends before `message_stop` is an error, never a silent cut.
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 */
import type { ChatCompletionChunk } from '../../openai/chat';
import { createChunkFactory, type ChunkFactory } from '../openai-chunks';
import type { ResponseContext } from '../types';
import { malformedUpstream } from '../upstream-fetch';
import type { AnthropicStreamEvent, AnthropicUsage } from './anthropic-api';
import { convertAnthropicUsage } from './map-anthropic-response';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason';

interface OpenToolCall {
  index: number;
  /** The input given at block start; used when no argument fragment arrives. */
  input: unknown;
  sentArguments: boolean;
}

/**
 * Ends with a usage chunk (empty `choices`) whether or not the caller asked: the engine settles
 * its accounting and keeps the cached answer's usage with it, and shows the chunk only to callers
 * that set `stream_options.include_usage`.
 */
export async function* mapAnthropicStream(
  events: AsyncIterable<AnthropicStreamEvent>,
  context: ResponseContext,
): AsyncGenerator<ChatCompletionChunk> {
  let chunks: ChunkFactory | undefined;
  let roleSent = false;
  let usage: AnthropicUsage = {};
  let stopReason: string | null | undefined;
  const toolCalls = new Map<number, OpenToolCall>();

  function factory(): ChunkFactory {
    if (!chunks) throw malformedUpstream(context, 'a stream that did not begin with message_start');
    return chunks;
  }
  function* output(chunk: ChatCompletionChunk): Generator<ChatCompletionChunk> {
    if (!roleSent) {
      roleSent = true;
      yield factory().role();
    }
    yield chunk;
  }

  for await (const event of events) {
    switch (event.type) {
      case 'message_start':
        chunks = createChunkFactory({
          id: event.message.id,
          model: event.message.model ?? context.model,
          created: Math.floor(context.now / 1000),
        });
        usage = { ...event.message.usage };
        break;
      case 'content_block_start': {
        const block = event.content_block;
        if (block.type === 'text' && block.text) yield* output(factory().content(block.text));
        if (block.type === 'tool_use') {
          const index = toolCalls.size;
          toolCalls.set(event.index, { index, input: block.input, sentArguments: false });
          yield* output(factory().toolCallStart(index, block.id ?? `toolu_${index}`, block.name ?? ''));
        }
        break;
      }
      case 'content_block_delta': {
        const { delta } = event;
        const toolCall = toolCalls.get(event.index);
        if (delta.type === 'text_delta' && delta.text) yield* output(factory().content(delta.text));
        if (delta.type === 'input_json_delta' && delta.partial_json && toolCall) {
          toolCall.sentArguments = true;
          yield* output(factory().toolCallArguments(toolCall.index, delta.partial_json));
        }
        break;
      }
      case 'content_block_stop': {
        // A call without arguments streams only an empty fragment; callers still need valid JSON.
        const toolCall = toolCalls.get(event.index);
        if (toolCall && !toolCall.sentArguments) {
          toolCall.sentArguments = true;
          yield* output(factory().toolCallArguments(toolCall.index, JSON.stringify(toolCall.input ?? {})));
        }
        break;
      }
      case 'message_delta':
        stopReason = event.delta.stop_reason ?? stopReason;
        // message_delta usage is cumulative; a field it omits keeps its message_start value.
        for (const [field, value] of Object.entries(event.usage ?? {})) {
          if (value !== null && value !== undefined) usage = { ...usage, [field]: value };
        }
        break;
      case 'message_stop':
        yield* output(factory().finish(mapAnthropicFinishReason(stopReason)));
        yield factory().usage(convertAnthropicUsage(usage));
        return;
    }
  }
  throw malformedUpstream(context, 'a stream that ended before message_stop');
}
