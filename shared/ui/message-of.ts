/** What to tell the user about something thrown: an Error's message, or the thrown value itself. */
export const messageOf = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : String(thrown);
