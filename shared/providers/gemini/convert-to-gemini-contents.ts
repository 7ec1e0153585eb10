/**
 * @module OpenAI chat messages → Gemini `contents` + `systemInstruction`. System and developer
 * messages become the system instruction; assistant turns become `model` turns with
 * `functionCall` parts; tool results become `functionResponse` parts, matched to their call by
 * name (Gemini's calls carry no id), so tool_call_id → name is read from earlier assistant turns.
 * @see https://ai.google.dev/gemini-api/docs/function-calling
 */
import type { ChatCompletionRequest, ChatMessage, ContentPart } from '../../openai/chat';
import { invalidRequest } from '../../openai/error';
import type { GeminiContent, GeminiPart, GeminiRequestBody } from './gemini-api';

/** Documented sentinel for replaying a Gemini 3 function call whose thought signature we never kept. */
const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

export function convertToGeminiContents(
  messages: ChatCompletionRequest['messages'],
  model: string,
): Pick<GeminiRequestBody, 'contents' | 'systemInstruction'> {
  const system: string[] = [];
  const contents: GeminiContent[] = [];
  const toolNames = new Map<string, string>();
  const push = (role: GeminiContent['role'], parts: GeminiPart[]) => {
    const last = contents.at(-1);
    // Consecutive tool results must share one turn: Gemini pairs them with the calls by count.
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, index) => {
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(textOf(message.content));
        break;
      case 'user':
        push(
          'user',
          typeof message.content === 'string'
            ? [{ text: message.content }]
            : message.content.map((part) => convertUserPart(part, index)),
        );
        break;
      case 'assistant':
        push('model', convertAssistant(message, index, toolNames, model));
        break;
      case 'tool': {
        const name = toolNames.get(message.tool_call_id);
        if (!name)
          throw invalidRequest(
            `messages[${index}] answers tool_call_id "${message.tool_call_id}", which no earlier assistant message made`,
            `messages[${index}].tool_call_id`,
          );
        push('user', [
          { functionResponse: { name, response: { content: parseMaybeJson(textOf(message.content)) } } },
        ]);
        break;
      }
    }
  });

  if (system.length === 0) return { contents };
  // Gemma models on the Gemini API reject systemInstruction; they get it as the first user text.
  if (/^(models\/)?gemma-/.test(model) && contents[0]?.role === 'user') {
    contents[0].parts.unshift({ text: `${system.join('\n\n')}\n\n` });
    return { contents };
  }
  return { contents, systemInstruction: { parts: system.map((text) => ({ text })) } };
}

function convertAssistant(
  message: Extract<ChatMessage, { role: 'assistant' }>,
  index: number,
  toolNames: Map<string, string>,
  model: string,
): GeminiPart[] {
  const parts: GeminiPart[] = [];
  const text = message.content === null || message.content === undefined ? '' : textOf(message.content);
  if (text !== '') parts.push({ text });
  const needsSignature = /gemini-3/.test(model);
  (message.tool_calls ?? []).forEach((call, callIndex) => {
    toolNames.set(call.id, call.function.name);
    const args = parseArguments(
      call.function.arguments,
      `messages[${index}].tool_calls[${callIndex}].function.arguments`,
    );
    // Gemini 3 validates a signature on the first call of each model turn only.
    parts.push({
      functionCall: { name: call.function.name, args },
      ...(needsSignature && callIndex === 0 ? { thoughtSignature: SKIP_THOUGHT_SIGNATURE } : {}),
    });
  });
  return parts.length > 0 ? parts : [{ text: '' }];
}

function convertUserPart(part: ContentPart, index: number): GeminiPart {
  if (part.type === 'text') return { text: part.text };
  const url = part.image_url.url;
  const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (dataUrl?.[1] && dataUrl[2] !== undefined)
    return { inlineData: { mimeType: dataUrl[1], data: dataUrl[2] } };
  // Gemini fetches public https and signed URLs itself (since January 2026); it needs a MIME type.
  if (/^https?:\/\//i.test(url)) {
    const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase() ?? '';
    return { fileData: { mimeType: IMAGE_TYPES[extension] ?? 'image/jpeg', fileUri: url } };
  }
  throw invalidRequest(
    `messages[${index}] has an image_url that is neither a base64 data: URL nor an http(s) URL`,
    `messages[${index}].content`,
  );
}

function textOf(content: string | ContentPart[]): string {
  return typeof content === 'string'
    ? content
    : content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function parseArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const parsed = parseMaybeJson(text);
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
    return parsed as Record<string, unknown>;
  throw invalidRequest(`${param} must be a JSON object`, param);
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
