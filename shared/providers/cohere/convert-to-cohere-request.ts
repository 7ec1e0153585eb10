/**
 * @module An OpenAI chat-completion request → a Cohere v2 chat body. Messages keep their roles
 * (Cohere has system, user, assistant and tool too); assistant text next to tool calls becomes
 * `tool_plan`; `top_p` is `p`; a named tool_choice becomes REQUIRED with only that tool offered.
 * @see https://docs.cohere.com/reference/chat
 */
import type { ChatCompletionRequest, ChatMessage, ContentPart } from '../../openai/chat';
import type { RequestTarget } from '../types';
import type { CohereMessage, CohereRequestBody } from './cohere-api';

export function convertToCohereRequest(
  request: ChatCompletionRequest,
  { model, stream }: RequestTarget,
): CohereRequestBody {
  const body: CohereRequestBody = { model, messages: request.messages.map(convertMessage), stream };
  const choice = request.tool_choice;
  const tools = (request.tools ?? []).filter(
    (tool) => typeof choice !== 'object' || !choice || tool.function.name === choice.function.name,
  );
  if (tools.length > 0) {
    body.tools = tools.map(({ function: tool }) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        ...(tool.parameters ? { parameters: stripUnsupportedKeys(tool.parameters) } : {}),
      },
    }));
    if (choice === 'required' || typeof choice === 'object') body.tool_choice = 'REQUIRED';
    else if (choice === 'none') body.tool_choice = 'NONE';
  }
  const format = request.response_format;
  if (format?.type === 'json_object') body.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema')
    body.response_format = {
      type: 'json_object',
      json_schema: stripUnsupportedKeys(format.json_schema.schema),
    };
  const settings: Partial<CohereRequestBody> = {
    max_tokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    temperature: request.temperature ?? undefined,
    p: request.top_p ?? undefined,
    stop_sequences: typeof request.stop === 'string' ? [request.stop] : (request.stop ?? undefined),
    seed: request.seed ?? undefined,
    frequency_penalty: request.frequency_penalty ?? undefined,
    presence_penalty: request.presence_penalty ?? undefined,
  };
  for (const [key, value] of Object.entries(settings))
    if (value !== undefined) Object.assign(body, { [key]: value });
  return body;
}

function convertMessage(message: ChatMessage): CohereMessage {
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: textOf(message.content) };
    case 'user':
      // Cohere takes image_url parts (data: or http URLs) as OpenAI does; plain text stays a string.
      return typeof message.content === 'string' || message.content.every((part) => part.type === 'text')
        ? { role: 'user', content: textOf(message.content) }
        : {
            role: 'user',
            content: message.content.map((part) =>
              part.type === 'text'
                ? part
                : {
                    type: 'image_url',
                    image_url: {
                      url: part.image_url.url,
                      ...(part.image_url.detail ? { detail: part.image_url.detail } : {}),
                    },
                  },
            ),
          };
    case 'assistant': {
      const text = message.content === null || message.content === undefined ? '' : textOf(message.content);
      if (!message.tool_calls?.length) return { role: 'assistant', content: text };
      return {
        role: 'assistant',
        ...(text ? { tool_plan: text } : {}),
        tool_calls: message.tool_calls.map((call) => ({
          ...call,
          function: { ...call.function, arguments: call.function.arguments.trim() || '{}' },
        })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.tool_call_id, content: textOf(message.content) };
  }
}

function textOf(content: string | ContentPart[]): string {
  return typeof content === 'string'
    ? content
    : content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** Cohere rejects `$schema` and `additionalProperties` in tool and response schemas. */
function stripUnsupportedKeys(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripUnsupportedKeys);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== '$schema' && key !== 'additionalProperties')
      .map(([key, value]) => [key, stripUnsupportedKeys(value)]),
  );
}
