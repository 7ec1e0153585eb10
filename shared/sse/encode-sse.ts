/** @module The OpenAI SSE framing: one `data:` line per chunk, ended by `data: [DONE]`. */

export function encodeSseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';
