/**
 * @module `POST /messages` (Anthropic Messages API) → the engine's one internal form, an OpenAI
 * chat request, so any provider in the pool serves it. Read as Claude Code and the official SDK
 * send it: `system` as a string or text blocks, `cache_control`, `citations`, `metadata`,
 * `thinking` and other fields FreeLLM cannot honour are accepted and ignored; `tool_result`
 * blocks become `role:"tool"` messages ahead of the rest of their user turn (OpenAI wants them
 * right after the assistant's calls); thinking blocks in the history are dropped (no other
 * provider can check their signatures). Server tools (web search, code execution…) run on
 * Anthropic's own servers, so they are left out.
 * @see https://docs.anthropic.com/en/api/messages
 */
import { z } from 'zod';
import { parseOrInvalidRequest } from '../../openai/parse-or-invalid-request';
import type { ChatMessage, ContentPart } from '../../openai/chat';
import { invalidRequest } from '../../openai/error';
import { anthropicImageSourceSchema } from '../../providers/anthropic/anthropic-api';

const textBlockSchema = z.looseObject({ type: z.literal('text'), text: z.string() });
const imageBlockSchema = z.looseObject({ type: z.literal('image'), source: anthropicImageSourceSchema });
const toolResultBlockSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(z.union([textBlockSchema, imageBlockSchema]))]).optional(),
  is_error: z.boolean().optional(),
});
const contentBlockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  imageBlockSchema,
  z.looseObject({
    type: z.literal('tool_use'),
    id: z.string(),
    name: z.string(),
    input: z.unknown(),
  }),
  toolResultBlockSchema,
  z.looseObject({ type: z.literal('thinking') }),
  z.looseObject({ type: z.literal('redacted_thinking') }),
]);
type ContentBlock = z.infer<typeof contentBlockSchema>;

const toolSchema = z.looseObject({
  type: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()).optional(),
});

export const messagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(['user', 'assistant']),
        content: z.union([z.string(), z.array(contentBlockSchema)]),
      }),
    )
    .min(1, 'messages must contain at least one message'),
  system: z.union([z.string(), z.array(textBlockSchema)]).optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: z
    .looseObject({
      type: z.enum(['auto', 'any', 'tool', 'none']),
      name: z.string().optional(),
      disable_parallel_tool_use: z.boolean().optional(),
    })
    .optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  stream: z.boolean().optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
});
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;

/** Parses a `POST /messages` body; a bad one is a 400 naming the field. */
export function parseMessagesRequest(body: unknown): MessagesRequest {
  return parseOrInvalidRequest(messagesRequestSchema, body, { what: 'Invalid messages request' });
}

const textOf = (blocks: string | { type: string; text?: string }[]) =>
  typeof blocks === 'string' ? blocks : blocks.map((block) => block.text ?? '').join('\n\n');

function imagePart(block: z.infer<typeof imageBlockSchema>): ContentPart {
  const { source } = block;
  const url = source.type === 'base64' ? `data:${source.media_type};base64,${source.data}` : source.url;
  return { type: 'image_url', image_url: { url } };
}

function userTurn(blocks: ContentBlock[]): ChatMessage[] {
  const tools: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  for (const block of blocks) {
    if (block.type === 'text') parts.push({ type: 'text', text: block.text });
    if (block.type === 'image') parts.push(imagePart(block));
    if (block.type === 'tool_result') {
      const content = block.content ?? '';
      const text = textOf(
        typeof content === 'string' ? content : content.filter((item) => item.type === 'text'),
      );
      tools.push({
        role: 'tool',
        tool_call_id: block.tool_use_id,
        content: block.is_error ? `Error: ${text}` : text,
      });
      // A tool message holds text only: the result's images follow in the user turn.
      if (typeof content !== 'string')
        for (const item of content) if (item.type === 'image') parts.push(imagePart(item));
    }
  }
  return parts.length > 0 ? [...tools, { role: 'user', content: parts }] : tools;
}

function assistantTurn(blocks: ContentBlock[]): ChatMessage {
  const text = blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  const calls = blocks.flatMap((block) =>
    block.type === 'tool_use'
      ? [
          {
            id: block.id,
            type: 'function' as const,
            function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
          },
        ]
      : [],
  );
  return { role: 'assistant', content: text, ...(calls.length > 0 ? { tool_calls: calls } : {}) };
}

function toolChoiceOf(choice: MessagesRequest['tool_choice']) {
  switch (choice?.type) {
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      if (!choice.name) throw invalidRequest('tool_choice of type "tool" needs a name.', 'tool_choice.name');
      return { type: 'function', function: { name: choice.name } };
    default:
      return choice ? 'auto' : undefined;
  }
}

/** The internal chat request for a Messages request (checked again by the engine's own schema). */
export function messagesToChat(request: MessagesRequest): Record<string, unknown> {
  const messages: ChatMessage[] = [];
  const system = request.system === undefined ? '' : textOf(request.system);
  if (system !== '') messages.push({ role: 'system', content: system });
  for (const message of request.messages) {
    const blocks: ContentBlock[] =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (message.role === 'user') messages.push(...userTurn(blocks));
    else messages.push(assistantTurn(blocks));
  }
  // A tool with a type of its own (web_search_…, bash_…) is one Anthropic runs itself.
  const tools = (request.tools ?? [])
    .filter((tool) => tool.input_schema !== undefined && (tool.type ?? 'custom') === 'custom')
    .map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.input_schema },
    }));
  return {
    model: request.model,
    messages,
    max_tokens: request.max_tokens,
    temperature: request.temperature,
    top_p: request.top_p,
    stop: request.stop_sequences,
    user: request.metadata?.user_id ?? undefined,
    ...(tools.length > 0
      ? {
          tools,
          tool_choice: toolChoiceOf(request.tool_choice),
          parallel_tool_calls: request.tool_choice?.disable_parallel_tool_use ? false : undefined,
        }
      : {}),
    ...(request.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
}
