/**
 * @module An OpenAI conversation as the Prompt API takes it: every message but the last as the
 * session's `initialPrompts` (system prompts first, merged), the last user message as the prompt.
 */
import type { ChatCompletionRequest, ChatMessage } from '../../openai/chat';
import type { PromptApiMessage } from './prompt-api';

export interface PromptApiInput {
  initialPrompts: PromptApiMessage[];
  prompt: string;
}

function textOf(message: ChatMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('');
}

export function convertToPromptApiInput(request: ChatCompletionRequest): PromptApiInput {
  const system: string[] = [];
  const turns: PromptApiMessage[] = [];
  for (const message of request.messages) {
    if (message.role === 'system' || message.role === 'developer') system.push(textOf(message));
    else if (message.role === 'user' || message.role === 'assistant')
      turns.push({ role: message.role, content: textOf(message) });
  }
  const last = turns.at(-1);
  const prompt = last?.role === 'user' ? (turns.pop()?.content ?? '') : '';
  return {
    initialPrompts: [
      ...(system.length > 0 ? [{ role: 'system' as const, content: system.join('\n\n') }] : []),
      ...turns,
    ],
    prompt,
  };
}
