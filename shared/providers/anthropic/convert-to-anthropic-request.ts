/**
 * @module OpenAI chat request → Anthropic Messages body. System and developer messages become the
 * top-level `system`; assistant `tool_calls` become `tool_use` blocks; `role:"tool"` messages
 * become `tool_result` blocks in a user turn; consecutive same-role turns are merged, since
 * Anthropic requires user and assistant to alternate.
 *
 * Anthropic has no JSON mode: `response_format` json_object / json_schema becomes an instruction
 * appended to `system` (with the schema, for json_schema). OpenAI fields with no Anthropic
 * counterpart (n, seed, penalties, logprobs) are dropped, since Anthropic rejects unknown fields.
 * @see https://docs.anthropic.com/en/api/messages
 */
import type { ChatCompletionRequest, ChatMessage, ContentPart } from '../../openai/chat';
import { invalidRequest } from '../../openai/error';
import type { RequestTarget } from '../types';
import type {
  AnthropicContentBlock,
  AnthropicImageSource,
  AnthropicMessage,
  AnthropicMessagesBody,
  AnthropicToolChoice,
} from './anthropic-api';

/** Anthropic requires `max_tokens`; OpenAI callers usually leave it out. */
export const DEFAULT_MAX_TOKENS = 4096;

const DATA_URL_PATTERN = /^data:([^;,]+);base64,(.*)$/s;

type TextOrParts = string | { type: 'text'; text: string }[] | ContentPart[] | null | undefined;

function textOf(content: TextOrParts): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function imageSource(url: string): AnthropicImageSource {
  const data = DATA_URL_PATTERN.exec(url);
  if (data?.[1] && data[2] !== undefined) return { type: 'base64', media_type: data[1], data: data[2] };
  if (/^https?:\/\//i.test(url)) return { type: 'url', url };
  throw invalidRequest('image_url.url must be a base64 data: URL or an http(s) URL.', 'messages');
}

function contentBlocks(content: TextOrParts): AnthropicContentBlock[] {
  const parts: ContentPart[] =
    typeof content === 'string' ? [{ type: 'text', text: content }] : (content ?? []);
  // Anthropic rejects empty text blocks.
  return parts.flatMap((part): AnthropicContentBlock[] => {
    if (part.type === 'image_url') return [{ type: 'image', source: imageSource(part.image_url.url) }];
    return part.text === '' ? [] : [{ type: 'text', text: part.text }];
  });
}

/** Tool-call arguments are a JSON string in OpenAI; Anthropic wants the object (`{}` if unusable). */
export function parseArguments(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function toTurn(message: Exclude<ChatMessage, { role: 'system' | 'developer' }>): AnthropicMessage {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: contentBlocks(message.content) };
    case 'assistant': {
      const toolUses = (message.tool_calls ?? []).map((call): AnthropicContentBlock => ({
        type: 'tool_use',
        id: call.id,
        name: call.function.name,
        input: parseArguments(call.function.arguments),
      }));
      return { role: 'assistant', content: [...contentBlocks(message.content), ...toolUses] };
    }
    case 'tool': {
      const text = textOf(message.content);
      return {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: message.tool_call_id,
            ...(text === '' ? {} : { content: text }),
          },
        ],
      };
    }
  }
}

/** Merges same-role neighbours (this also gathers consecutive tool results into one user turn). */
function alternate(turns: AnthropicMessage[]): AnthropicMessage[] {
  const merged: AnthropicMessage[] = [];
  for (const turn of turns) {
    if (turn.content.length === 0) continue;
    const previous = merged.at(-1);
    if (previous?.role === turn.role) previous.content = [...previous.content, ...turn.content];
    else merged.push({ role: turn.role, content: [...turn.content] });
  }
  // A trailing assistant turn is a prefill, and Anthropic rejects one that ends in whitespace.
  const last = merged.at(-1)?.content.at(-1);
  if (merged.at(-1)?.role === 'assistant' && last?.type === 'text') last.text = last.text.trimEnd();
  return merged;
}

function jsonInstruction(format: ChatCompletionRequest['response_format']): string | undefined {
  if (format?.type === 'json_object')
    return 'Respond with a single valid JSON object and nothing else: no prose, no code fences.';
  if (format?.type === 'json_schema') {
    const schema = format.json_schema.schema ?? format.json_schema;
    return `Respond with a single valid JSON value that matches this JSON Schema, and nothing else (no prose, no code fences):\n${JSON.stringify(schema)}`;
  }
  return undefined;
}

function toolChoice(request: ChatCompletionRequest): AnthropicToolChoice | undefined {
  const parallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  const choice = request.tool_choice;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'required') return { type: 'any', ...parallel };
  if (typeof choice === 'object' && choice !== null)
    return { type: 'tool', name: choice.function.name, ...parallel };
  if (choice === 'auto' || request.parallel_tool_calls === false) return { type: 'auto', ...parallel };
  return undefined;
}

/** Builds the body for `POST /v1/messages`; throws an OpenAI-shaped 400 for what Anthropic cannot take. */
export function convertToAnthropicRequest(
  request: ChatCompletionRequest,
  { model, stream }: RequestTarget,
): AnthropicMessagesBody {
  const system: string[] = [];
  const turns: AnthropicMessage[] = [];
  for (const message of request.messages) {
    if (message.role === 'system' || message.role === 'developer') system.push(textOf(message.content));
    else turns.push(toTurn(message));
  }
  const instruction = jsonInstruction(request.response_format);
  if (instruction) system.push(instruction);

  const messages = alternate(turns);
  if (messages.length === 0)
    throw invalidRequest(
      'messages must contain at least one user or assistant message with content.',
      'messages',
    );

  const body: AnthropicMessagesBody = {
    model,
    max_tokens: request.max_tokens ?? request.max_completion_tokens ?? DEFAULT_MAX_TOKENS,
    messages,
    ...(stream ? { stream: true } : {}),
  };
  const systemText = system.filter((text) => text !== '').join('\n\n');
  if (systemText !== '') body.system = systemText;
  // OpenAI allows 0–2, Anthropic 0–1.
  if (typeof request.temperature === 'number') body.temperature = Math.min(request.temperature, 1);
  if (typeof request.top_p === 'number') body.top_p = request.top_p;
  const stop = typeof request.stop === 'string' ? [request.stop] : (request.stop ?? []);
  if (stop.length > 0) body.stop_sequences = stop;
  if (request.user) body.metadata = { user_id: request.user };
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map(({ function: tool }) => ({
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      input_schema: tool.parameters ?? { type: 'object', properties: {} },
    }));
    const choice = toolChoice(request);
    if (choice) body.tool_choice = choice;
  }
  return body;
}
