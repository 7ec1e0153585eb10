/** @module A named-event SSE body (`event: x` then `data: {…}`), as the Messages and Responses routes send it, read back for assertions. */

/** The SSE body's events as `[event name, data]`. */
export async function sseEvents(response: Response): Promise<[string, Record<string, unknown>][]> {
  return (await response.text())
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return [
        eventLine!.replace('event: ', ''),
        JSON.parse(dataLine!.replace('data: ', '')) as Record<string, unknown>,
      ];
    });
}
