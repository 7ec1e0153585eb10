/**
 * @module The engine's chunk stream → the Responses API's typed events, numbered by
 * `sequence_number`: `response.created`, `response.in_progress`; per output item
 * `response.output_item.added`, its content (`response.content_part.added`,
 * `response.output_text.delta`…`.done`, `response.content_part.done`, or
 * `response.function_call_arguments.delta`…`.done`), `response.output_item.done`; then
 * `response.completed` (or `response.incomplete`). A failure after the start is one `error`
 * event, with the error also nested under `error` so the `openai` client throws it.
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
import type { ChatCompletionChunk, ToolCall } from '../../openai/chat';
import type { OpenAIErrorBody } from '../../openai/error';
import { encodeSseEvent } from '../../sse/encode-sse';
import type { StreamTranslator } from '../stream-translator';
import {
  functionCallItem,
  functionCallItemId,
  messageItem,
  messageItemId,
  outputText,
  responseOf,
  type AnswerOutput,
  type ResponseContext,
} from './responses-answer';

export function responsesStream(
  context: ResponseContext,
  done: (output: AnswerOutput) => void,
): StreamTranslator {
  let sequence = 0;
  let outputIndex = -1;
  let open: { kind: 'message' } | { kind: 'call'; call: ToolCall; index: number } | undefined;
  const output: AnswerOutput = {
    model: '',
    created: 0,
    text: '',
    toolCalls: [],
    finish: undefined,
    usage: undefined,
  };
  const calls = new Map<number, ToolCall>();

  const event = (type: string, data: object) =>
    encodeSseEvent(type, { type, sequence_number: sequence++, ...data });

  function close(): string {
    const closing = open;
    open = undefined;
    if (closing?.kind === 'message') {
      const id = messageItemId(context);
      const at = { item_id: id, output_index: outputIndex, content_index: 0 };
      return (
        event('response.output_text.done', { ...at, text: output.text, logprobs: [] }) +
        event('response.content_part.done', { ...at, part: outputText(output.text) }) +
        event('response.output_item.done', {
          output_index: outputIndex,
          item: messageItem(id, output.text, 'completed'),
        })
      );
    }
    if (closing?.kind === 'call') {
      const id = functionCallItemId(context, closing.index);
      return (
        event('response.function_call_arguments.done', {
          item_id: id,
          output_index: outputIndex,
          name: closing.call.function.name,
          arguments: closing.call.function.arguments,
        }) +
        event('response.output_item.done', {
          output_index: outputIndex,
          item: functionCallItem(id, closing.call, 'completed'),
        })
      );
    }
    return '';
  }

  function text(delta: string): string {
    let out = '';
    if (open?.kind !== 'message') {
      out += close();
      open = { kind: 'message' };
      outputIndex += 1;
      const id = messageItemId(context);
      out +=
        event('response.output_item.added', {
          output_index: outputIndex,
          item: messageItem(id, '', 'in_progress'),
        }) +
        event('response.content_part.added', {
          item_id: id,
          output_index: outputIndex,
          content_index: 0,
          part: outputText(''),
        });
    }
    output.text += delta;
    return (
      out +
      event('response.output_text.delta', {
        item_id: messageItemId(context),
        output_index: outputIndex,
        content_index: 0,
        delta,
        logprobs: [],
      })
    );
  }

  function toolCall(
    index: number,
    id: string | null | undefined,
    name: string | null | undefined,
    args: string,
  ) {
    let out = '';
    let call = calls.get(index);
    if (!call) {
      call = { id: id ?? `call_${index}`, type: 'function', function: { name: name ?? '', arguments: '' } };
      calls.set(index, call);
      output.toolCalls.push(call);
      out += close();
      open = { kind: 'call', call, index: output.toolCalls.length - 1 };
      outputIndex += 1;
      out += event('response.output_item.added', {
        output_index: outputIndex,
        item: functionCallItem(functionCallItemId(context, open.index), call, 'in_progress'),
      });
    }
    if (args === '') return out;
    call.function.arguments += args;
    return (
      out +
      event('response.function_call_arguments.delta', {
        item_id: functionCallItemId(context, output.toolCalls.indexOf(call)),
        output_index: outputIndex,
        delta: args,
      })
    );
  }

  return {
    chunk(chunk: ChatCompletionChunk) {
      let out = '';
      if (output.model === '') {
        output.model = chunk.model;
        output.created = chunk.created;
        const snapshot = responseOf(context, output, true);
        out +=
          event('response.created', { response: snapshot }) +
          event('response.in_progress', { response: snapshot });
      }
      output.usage = chunk.usage ?? output.usage;
      for (const choice of chunk.choices) {
        if (choice.delta.content) out += text(choice.delta.content);
        for (const call of choice.delta.tool_calls ?? [])
          out += toolCall(call.index, call.id, call.function?.name, call.function?.arguments ?? '');
        output.finish = choice.finish_reason ?? output.finish;
      }
      return out;
    },
    error(body: OpenAIErrorBody) {
      const { message, code, param, type } = body.error;
      return event('error', { code, message, param, error: { type, code, message, param } });
    },
    end() {
      const out = close();
      done(output);
      const response = responseOf(context, output);
      return (
        out +
        event(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response })
      );
    },
  };
}
