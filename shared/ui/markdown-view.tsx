/**
 * @module An answer shown as markdown, once the renderer (markdown-render.ts, the larger part of
 * the chat) has loaded; until then, a moment after the chat opens, as the plain text it is.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { copyCodeOnClick, decorateCodeBlocks } from './code-blocks';

type Render = (text: string) => string;
let loading: Promise<Render> | undefined;
let loaded: Render | undefined;

/** Starts loading the renderer (the chat calls it as it opens, before any answer needs it). */
export function loadMarkdownRenderer(): Promise<Render> {
  loading ??= import('./markdown-render').then(({ renderMarkdown }) => (loaded = renderMarkdown));
  return loading;
}

export function MarkdownView({ text }: { text: string }) {
  const [render, setRender] = useState<Render | undefined>(() => loaded);
  useEffect(() => {
    if (!render) void loadMarkdownRenderer().then((ready) => setRender(() => ready));
  }, []);
  const html = useMemo(() => render?.(text), [render, text]);
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (root.current) decorateCodeBlocks(root.current);
  }, [html]);
  if (html === undefined) return <div>{text}</div>;
  return (
    <div class="markdown" ref={root} onClick={copyCodeOnClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
