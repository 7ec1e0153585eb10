/** @module SSE framing: OpenAI chat streams send `data:` lines ended by `data: [DONE]`; others name their events. */

export function encodeSseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';

/** A named event, as the Anthropic and OpenAI Responses streams send them. */
export function encodeSseEvent(type: string, value: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(value)}\n\n`;
}
