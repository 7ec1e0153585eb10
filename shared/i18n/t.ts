/**
 * @module Every user-facing word, looked up by key in one English file
 * (`shared/i18n/locales/en/messages.json`, shipped as the extension's `_locales/en/messages.json`),
 * so a translation is one more file. The extension reads it through the browser's i18n, which picks
 * the user's language; the playground, a plain page without it, from the bundled English file.
 */
export type Messages = typeof import('./locales/en/messages.json');
export type MessageKey = keyof Messages;

/** The browser's `i18n.getMessage`, or the bundled file read the same way. */
export type MessageSource = (key: MessageKey, substitutions?: string[]) => string;

let source: MessageSource | undefined;

/** Called once by each page's entry, before it renders. */
export function setMessageSource(next: MessageSource): void {
  source = next;
}

/** The words for `key`, with `$1`…`$9` replaced by `substitutions` in order. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  if (!source) throw new Error('No message source: the page entry must call setMessageSource first');
  return source(key, substitutions);
}

/** Reads a messages.json the way the browser does: `$1`…`$9` are substitutions, `$$` is a dollar. */
export function bundledMessages(messages: Record<string, { message: string }>): MessageSource {
  return (key, substitutions = []) =>
    (messages[key]?.message ?? '').replace(/\$(\$|[1-9])/g, (_match, mark: string) =>
      mark === '$' ? '$' : (substitutions[Number(mark) - 1] ?? ''),
    );
}
