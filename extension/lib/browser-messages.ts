import { browser } from 'wxt/browser';
import { setMessageSource, type MessageKey } from '../../shared/i18n/t';

/** Only the browser's own keys: WXT types them from a `_locales` in the public folder, and ours is in shared/i18n. */
type WxtMessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * The extension's pages, and its worker (for the words its checks make), read their words through
 * the browser, in the user's language.
 */
export function readMessagesFromBrowser(): void {
  setMessageSource((key: MessageKey, substitutions) =>
    browser.i18n.getMessage(key as WxtMessageKey, substitutions),
  );
}
