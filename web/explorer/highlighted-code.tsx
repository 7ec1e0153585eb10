/**
 * @module A code block coloured by the chat's highlighter (imported on first use). Its text is set
 * here, not rendered by preact, because the highlighter rewrites the element's children.
 */
import { useEffect, useRef } from 'preact/hooks';

export function HighlightedCode({
  code,
  language,
}: {
  code: string;
  language: 'json' | 'javascript' | 'bash' | 'python';
}) {
  const element = useRef<HTMLElement>(null);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    target.textContent = code;
    delete target.dataset.highlighted;
    void import('../../shared/ui/code-highlight').then(({ highlightCode }) => highlightCode(target));
  }, [code, language]);
  return (
    <pre class="explorer-code">
      <code ref={element} class={`language-${language}`} />
    </pre>
  );
}
