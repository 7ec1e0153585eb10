/**
 * @module Server-sent events decoder (WHATWG event-stream rules): collects `event` and `data`
 * fields until a blank line, skips `:` comments, accepts `\n`, `\r\n` and `\r` line ends, and
 * copes with lines and multi-byte characters split across network chunks.
 */

export interface SseEvent {
  event: string;
  data: string;
}

export async function* decodeSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (;;) {
        const lineEnd = findLineEnd(buffer, done);
        if (lineEnd === null) break;
        const line = buffer.slice(0, lineEnd.index);
        buffer = buffer.slice(lineEnd.index + lineEnd.length);
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let fieldValue = colon === -1 ? '' : line.slice(colon + 1);
        if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
        if (field === 'event') event = fieldValue;
        else if (field === 'data') data.push(fieldValue);
      }
      if (done) break;
    }
    // A stream that ends without the final blank line still delivers its last event.
    if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
  } finally {
    reader.releaseLock();
  }
}

/** A lone `\r` at the end of the buffer may be the first half of `\r\n`: wait for more unless done. */
function findLineEnd(buffer: string, done: boolean): { index: number; length: number } | null {
  for (let i = 0; i < buffer.length; i++) {
    const char = buffer[i];
    if (char === '\n') return { index: i, length: 1 };
    if (char === '\r') {
      if (i + 1 < buffer.length) return { index: i, length: buffer[i + 1] === '\n' ? 2 : 1 };
      return done ? { index: i, length: 1 } : null;
    }
  }
  return done && buffer.length > 0 ? { index: buffer.length, length: 0 } : null;
}
