/**
 * @module Syntax highlighting for an answer's code blocks (highlight.js, the core and a few common
 * languages). Loaded by code-blocks.ts only once an answer has code, so a chat without code
 * never downloads it. highlight.js escapes the code it wraps in spans: nothing in it can run.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import './code-highlight.css';

for (const [name, language] of Object.entries({
  bash,
  css,
  javascript,
  json,
  python,
  sql,
  typescript,
  xml,
})) {
  hljs.registerLanguage(name, language);
}
// A block with no language named (or one not loaded) stays plain: guessing colours prose as code.
hljs.configure({ ignoreUnescapedHTML: true, languages: [] });

export function highlightCode(code: HTMLElement): void {
  const language = /\blanguage-([\w+-]+)/.exec(code.className)?.[1];
  if (code.dataset.highlighted || !language || !hljs.getLanguage(language)) return;
  hljs.highlightElement(code);
}
