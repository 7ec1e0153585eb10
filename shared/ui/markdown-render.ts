/**
 * @module An answer's markdown made into HTML: parsed by marked, then sanitized by DOMPurify,
 * because the text comes from a model and a provider, and nothing they write may run in the
 * popup or the playground. Only what markdown makes is kept: no images (a model could make the
 * chat fetch any address), no styles or forms (it could dress itself up as FreeLLM's own UI).
 * Links open in a new tab, so clicking one does not replace the chat. Imported by markdown-view.tsx
 * once a chat is shown, so the popup's first load does without both libraries.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

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

export function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true, breaks: true }), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
  });
}
