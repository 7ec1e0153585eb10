/**
 * @module The engine's chunk stream → Anthropic's stream events, in Anthropic's order:
 * `message_start`, then per block `content_block_start`, its deltas (`text_delta`,
 * `input_json_delta`), `content_block_stop`; then `message_delta` (stop_reason, usage) and
 * `message_stop`. A failure after the start is one `error` event, and the stream ends there.
 * Reasoning deltas are not passed on: a thinking block needs a signature only Anthropic can make.
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 */
import type { ChatCompletionChunk, FinishReason, Usage } from '../../openai/chat';
import type { OpenAIErrorBody } from '../../openai/error';
import { encodeSseEvent } from '../../sse/encode-sse';
import type { StreamTranslator } from '../stream-translator';
import { messagesErrorOf, messagesUsageOf, stopReasonOf } from './messages-answer';

/** A stream's error carries no HTTP status; its OpenAI type tells which Anthropic type it is. */
const STATUS_BY_ERROR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  rate_limit_error: 429,
};

const event = (type: string, data: object) => encodeSseEvent(type, { type, ...data });

export function messagesStream(id: string, estimatedInput: number): StreamTranslator {
  let started = false;
  let blocks = 0;
  let open: 'text' | 'tool' | undefined;
  let finish: FinishReason | null | undefined;
  let usage: Usage | null | undefined;
  let model = '';
  const begunCalls = new Set<number>();

  function close(): string {
    if (!open) return '';
    open = undefined;
    return event('content_block_stop', { index: blocks - 1 });
  }
  function openBlock(next: 'text' | 'tool', contentBlock: object): string {
    const closed = close();
    open = next;
    blocks += 1;
    return closed + event('content_block_start', { index: blocks - 1, content_block: contentBlock });
  }
  function start(): string {
    if (started) return '';
    started = true;
    return event('message_start', {
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: estimatedInput, output_tokens: 0 },
      },
    });
  }

  return {
    chunk(chunk: ChatCompletionChunk) {
      model ||= chunk.model;
      let out = start();
      usage = chunk.usage ?? usage;
      for (const choice of chunk.choices) {
        const { content, tool_calls: toolCalls } = choice.delta;
        if (content) {
          if (open !== 'text') out += openBlock('text', { type: 'text', text: '' });
          out += event('content_block_delta', {
            index: blocks - 1,
            delta: { type: 'text_delta', text: content },
          });
        }
        for (const call of toolCalls ?? []) {
          // Some providers repeat a call's id in every fragment: a call starts at its first index.
          if (!begunCalls.has(call.index)) {
            begunCalls.add(call.index);
            out += openBlock('tool', {
              type: 'tool_use',
              id: call.id ?? `toolu_${call.index}`,
              name: call.function?.name ?? '',
              input: {},
            });
          }
          if (call.function?.arguments)
            out += event('content_block_delta', {
              index: blocks - 1,
              delta: { type: 'input_json_delta', partial_json: call.function.arguments },
            });
        }
        finish = choice.finish_reason ?? finish;
      }
      return out;
    },
    error(body: OpenAIErrorBody) {
      return start() + event('error', messagesErrorOf(STATUS_BY_ERROR_TYPE[body.error.type] ?? 500, body));
    },
    end() {
      return (
        start() +
        close() +
        event('message_delta', {
          delta: { stop_reason: stopReasonOf(finish), stop_sequence: null },
          usage: messagesUsageOf(usage, estimatedInput),
        }) +
        event('message_stop', {})
      );
    },
  };
}
