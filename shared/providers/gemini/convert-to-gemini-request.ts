/**
 * @module An OpenAI chat-completion request → a Gemini `generateContent` body: messages,
 * tools and tool_choice, response_format and sampling settings.
 * @see https://ai.google.dev/api/generate-content#request-body
 */
import type { ChatCompletionRequest } from '../../openai/chat';
import { convertToGeminiContents } from './convert-to-gemini-contents';
import { convertToGeminiSchema } from './convert-to-gemini-schema';
import type { RequestTarget } from '../types';
import type { GeminiRequestBody } from './gemini-api';

export function convertToGeminiRequest(
  request: ChatCompletionRequest,
  { model }: RequestTarget,
): GeminiRequestBody {
  const body: GeminiRequestBody = convertToGeminiContents(request.messages, model);
  if (request.tools?.length) {
    body.tools = [
      {
        functionDeclarations: request.tools.map(({ function: tool }) => ({
          name: tool.name,
          ...(tool.description ? { description: tool.description } : {}),
          ...withDefined('parameters', convertToGeminiSchema(tool.parameters)),
        })),
      },
    ];
  }
  const toolConfig = convertToolChoice(request.tool_choice);
  if (toolConfig && body.tools) body.toolConfig = toolConfig;
  const generationConfig = {
    ...withDefined('maxOutputTokens', request.max_completion_tokens ?? request.max_tokens),
    ...withDefined('temperature', request.temperature),
    ...withDefined('topP', request.top_p),
    ...withDefined('stopSequences', typeof request.stop === 'string' ? [request.stop] : request.stop),
    ...withDefined('seed', request.seed),
    ...withDefined('presencePenalty', request.presence_penalty),
    ...withDefined('frequencyPenalty', request.frequency_penalty),
    ...convertResponseFormat(request.response_format),
  };
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  return body;
}

function convertToolChoice(choice: ChatCompletionRequest['tool_choice']): GeminiRequestBody['toolConfig'] {
  if (!choice) return undefined;
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] } };
}

function convertResponseFormat(format: ChatCompletionRequest['response_format']): Record<string, unknown> {
  if (!format || format.type === 'text') return {};
  if (format.type === 'json_object') return { responseMimeType: 'application/json' };
  return {
    responseMimeType: 'application/json',
    ...withDefined('responseSchema', convertToGeminiSchema(format.json_schema.schema)),
  };
}

function withDefined<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
