/**
 * @module An answer's markdown shown as HTML: parsed by marked, then sanitized by DOMPurify,
 * because the text comes from a model and a provider, and nothing they write may run in the
 * popup or the playground. Only what markdown makes is kept: no images (a model could make the
 * chat fetch any address), no styles or forms (it could dress itself up as FreeLLM's own UI).
 * Links open in a new tab, so clicking one does not replace the chat.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { copyCodeOnClick, decorateCodeBlocks } from './code-blocks';

// A code block's language (`language-ts`, from marked) is the one class kept: highlighting reads it.
DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName !== 'class') return;
  data.keepAttr = node.tagName === 'CODE' && /^language-[\w+-]+$/.test(data.attrValue);
  data.forceKeepAttr = data.keepAttr;
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const ALLOWED_ATTR = ['href', 'title', 'target', 'rel', 'align', 'start'];

function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true, breaks: true }), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
  });
}

export function MarkdownView({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (root.current) decorateCodeBlocks(root.current);
  }, [html]);
  return (
    <div class="markdown" ref={root} onClick={copyCodeOnClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
