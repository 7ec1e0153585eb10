/** @module Which request the snippets reproduce. */
import { messagesOf, type ChatTurn } from '../../shared/chats/chat-turn';
import { snippetRequestSchema, type SnippetRequest } from '../../shared/snippets/snippet-request';
import type { RecordedCall } from './record-calls';

/**
 * The last request, if the snippets can say it (text messages); else, as after a reload, the kept
 * conversation up to its last question; else a first hello to `model`.
 */
export function snippetRequestOf(
  call: RecordedCall | undefined,
  model: string,
  turns: ChatTurn[],
): SnippetRequest {
  try {
    const parsed = snippetRequestSchema.safeParse(JSON.parse(call?.requestBody ?? ''));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: the conversation says it instead.
  }
  const said = messagesOf(turns).flatMap(({ role, content }) =>
    (role === 'user' || role === 'assistant') && typeof content === 'string' ? [{ role, content }] : [],
  );
  const asked = said.slice(0, said.findLastIndex((message) => message.role === 'user') + 1);
  return { model, messages: asked.length ? asked : [{ role: 'user', content: 'Hello!' }] };
}
