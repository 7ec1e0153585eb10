/**
 * @module The chat's last request as code: for a web page (through `window.freellm`), or for curl
 * and Python through the local endpoint. One snippet at a time, with a copy button.
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n/t';
import { DEFAULT_LOCAL_PORT } from '../../shared/local-endpoint/local-endpoint';
import { CHAT_SNIPPETS } from '../../shared/snippets/chat-snippets';
import { localEndpointRecipes } from '../../shared/snippets/local-endpoint-recipes';
import type { SnippetRequest } from '../../shared/snippets/snippet-request';
import { HighlightedCode } from './highlighted-code';

interface Snippet {
  id: string;
  label: string;
  /** As the highlighter names it. */
  language: 'javascript' | 'bash' | 'python';
  /** Where it runs, said above it. */
  where: 'page' | 'local';
  code(request: SnippetRequest): string;
}

/** The token is never given to a page: the user pastes it from FreeLLM's options page. */
const TOKEN_PLACEHOLDER = 'PASTE-THE-LOCAL-ENDPOINT-TOKEN';

const localRecipe =
  (id: 'curl' | 'python') =>
  (request: SnippetRequest): string =>
    localEndpointRecipes({
      address: '127.0.0.1',
      port: DEFAULT_LOCAL_PORT,
      token: TOKEN_PLACEHOLDER,
      model: request.model,
      request,
    }).find((recipe) => recipe.id === id)!.text;

const SNIPPETS: Snippet[] = [
  ...CHAT_SNIPPETS.map((snippet) => ({
    ...snippet,
    language: 'javascript' as const,
    where: 'page' as const,
  })),
  { id: 'curl', label: 'curl', language: 'bash', where: 'local', code: localRecipe('curl') },
  { id: 'python', label: 'Python', language: 'python', where: 'local', code: localRecipe('python') },
];

export function SnippetPanel({ request, standalone }: { request: SnippetRequest; standalone: boolean }) {
  const [chosen, setChosen] = useState('openai');
  const snippet = SNIPPETS.find((candidate) => candidate.id === chosen) ?? SNIPPETS[0]!;
  const code = snippet.code(request);
  const [copied, setCopied] = useState<string | undefined>();
  const copy = () =>
    navigator.clipboard.writeText(code).then(
      () => setCopied(t('copied')),
      () => setCopied(t('copyFailed')),
    );
  return (
    <div class="snippets">
      <p class="muted small">
        {snippet.where === 'local'
          ? t('snippetRunsLocally', TOKEN_PLACEHOLDER)
          : t(standalone ? 'snippetRunsWithoutExtension' : 'snippetRunsOnPage')}{' '}
        {t('snippetSendsAgain')}
      </p>
      <div class="snippet-bar">
        <fieldset class="segmented">
          <legend class="visually-hidden">{t('snippetLibrary')}</legend>
          {SNIPPETS.map((candidate) => (
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
          aria-label={t('snippetCopyNamed', snippet.label)}
          onClick={() => void copy()}
        >
          {copied ?? t('copy')}
        </button>
      </div>
      <HighlightedCode code={code} language={snippet.language} />
    </div>
  );
}
