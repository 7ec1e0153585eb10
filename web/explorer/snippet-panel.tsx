/** @module The chat's last request as code for a web page: one snippet at a time, with a copy button. */
import { useState } from 'preact/hooks';
import { CHAT_SNIPPETS, type ChatSnippet } from '../../shared/snippets/chat-snippets';
import type { SnippetRequest } from '../../shared/snippets/snippet-request';
import { HighlightedCode } from './highlighted-code';

export function SnippetPanel({ request, standalone }: { request: SnippetRequest; standalone: boolean }) {
  const [chosen, setChosen] = useState<ChatSnippet['id']>('openai');
  const snippet = CHAT_SNIPPETS.find((candidate) => candidate.id === chosen) ?? CHAT_SNIPPETS[0]!;
  const code = snippet.code(request);
  const [copied, setCopied] = useState<string | undefined>();
  const copy = () =>
    navigator.clipboard.writeText(code).then(
      () => setCopied('Copied'),
      () => setCopied('Copy failed'),
    );
  return (
    <div class="snippets">
      <p class="muted small">
        {standalone
          ? 'Runs on a page whose site the FreeLLM extension allowed (install it: this page runs without). '
          : 'Runs on a page whose site FreeLLM allowed: paste it into a module script or the browser console. '}
        It sends the chat's last request again.
      </p>
      <div class="snippet-bar">
        <fieldset class="segmented">
          <legend class="visually-hidden">Library</legend>
          {CHAT_SNIPPETS.map((candidate) => (
            <label key={candidate.id}>
              <input
                type="radio"
                name="snippet-library"
                checked={candidate.id === chosen}
                onChange={() => {
                  setChosen(candidate.id);
                  setCopied(undefined);
                }}
              />
              {candidate.label}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          class="primary"
          aria-label={`Copy the ${snippet.label} snippet`}
          onClick={() => void copy()}
        >
          {copied ?? 'Copy'}
        </button>
      </div>
      <HighlightedCode code={code} language="javascript" />
    </div>
  );
}
