/**
 * @module An answer's message cut to fit native messaging: a head or data text past the limit
 * leaves as the head (or data) with the first part, then data messages with the rest, then the
 * end the head promised. Texts are cut between characters, never inside a surrogate pair.
 */
import type { ExchangeMessage } from '../protocol/local-endpoint-messages';

/**
 * 1 MiB is the browser's limit on a message from the host; the same is kept the other way. A
 * character may take 6 bytes in JSON (`\u0001`), so 128 Ki characters always fit with room for the head.
 */
export const MAX_TEXT_CHARS = 128 * 1024;

export function splitNativeMessage(message: ExchangeMessage, maxChars = MAX_TEXT_CHARS): ExchangeMessage[] {
  if (message.type === 'end' || message.text === undefined || message.text.length <= maxChars)
    return [message];
  const [first = '', ...rest] = cutText(message.text, maxChars);
  const data = rest.map((text): ExchangeMessage => ({ type: 'data', text }));
  if (message.type === 'data') return [{ type: 'data', text: first }, ...data];
  return [
    { ...message, text: first, end: false },
    ...data,
    ...(message.end ? [{ type: 'end' as const }] : []),
  ];
}

function cutText(text: string, maxChars: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + maxChars, text.length);
    // A high surrogate last would be parted from its low half.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}
