import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../i18n/t';

/**
 * Stands for a part while the message is looked up: a private-use character, which no message
 * contains (Chrome drops a NUL from a substitution).
 */
const MARK = '\uE000';

/**
 * A message with elements in it (code, a link): each part is a substitution, so a translation
 * puts it where its language needs it.
 */
export function messageWith(key: MessageKey, ...parts: ComponentChildren[]): ComponentChildren[] {
  const marked = t(key, ...parts.map((_, index) => `${MARK}${index}${MARK}`));
  return marked.split(MARK).map((piece, index) => (index % 2 === 1 ? parts[Number(piece)] : piece));
}
