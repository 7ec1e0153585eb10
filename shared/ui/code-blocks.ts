/**
 * @module An answer's code blocks, made usable: a copy button on each, and highlighting, whose
 * library is imported the first time an answer has a code block.
 */

import { t } from '../i18n/t';

/** Adds what each `pre` of the rendered answer lacks; runs again after every streamed change. */
export function decorateCodeBlocks(root: HTMLElement): void {
  const blocks = [...root.querySelectorAll('pre')];
  if (blocks.length === 0) return;
  for (const pre of blocks) {
    if (pre.querySelector(':scope > .code-copy')) continue;
    const button = pre.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = t('copy');
    button.setAttribute('aria-label', t('copyCode'));
    pre.prepend(button);
  }
  void import('./code-highlight').then(({ highlightCode }) => {
    for (const code of root.querySelectorAll<HTMLElement>('pre > code')) highlightCode(code);
  });
}

/** A click anywhere in an answer; one on a copy button copies its block's code. */
export function copyCodeOnClick(event: MouseEvent): void {
  const button = (event.target as Element).closest('.code-copy');
  const code = button?.parentElement?.querySelector('code')?.textContent;
  if (!button || code === undefined) return;
  // marked ends a block's code with a line break the reader never sees.
  void navigator.clipboard.writeText(code.replace(/\n$/, '')).then(
    () => (button.textContent = t('copied')),
    () => (button.textContent = t('copyFailed')),
  );
}
