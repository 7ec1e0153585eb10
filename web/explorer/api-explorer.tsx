/**
 * @module The API explorer: the chat's last call as it went over the wire (request, answer
 * headers, each streamed event) and the same request as code to paste into a page.
 */
import type { ChatTurn } from '../../shared/chats/chat-turn';
import { t } from '../../shared/i18n/t';
import { HighlightedCode } from './highlighted-code';
import type { RecordedCall } from './record-calls';
import { SnippetPanel } from './snippet-panel';
import { snippetRequestOf } from './snippet-request-of';
import './api-explorer.css';

const prettyJson = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

const headerLines = (headers: [string, string][]) =>
  headers.map(([name, value]) => `${name}: ${value}`).join('\n');

function Exchange({ call }: { call: RecordedCall }) {
  const { response } = call;
  return (
    <>
      <section class="explorer-part" aria-label={t('explorerRequest')}>
        <h3>{t('explorerRequest')}</h3>
        <p class="explorer-line">
          <code>
            {call.method} {call.url}
          </code>
        </p>
        {call.requestHeaders.length > 0 && (
          <pre class="explorer-code">{headerLines(call.requestHeaders)}</pre>
        )}
        {call.requestBody !== null && <HighlightedCode code={prettyJson(call.requestBody)} language="json" />}
      </section>
      <section class="explorer-part" aria-label={t('explorerResponse')}>
        <h3>{t('explorerResponse')}</h3>
        {response ? (
          <>
            <p class="explorer-line">
              <code>{`HTTP ${response.status}`}</code>
              <span class="muted small">
                {call.finished ? (call.failure ?? t('explorerComplete')) : t('explorerReceiving')}
              </span>
            </p>
            <pre class="explorer-code">{headerLines(response.headers)}</pre>
          </>
        ) : (
          <p class="muted small">{call.failure ?? t('explorerWaiting')}</p>
        )}
        {call.body !== undefined && <HighlightedCode code={prettyJson(call.body)} language="json" />}
        {call.chunks.length > 0 && (
          <>
            <p class="muted small" data-testid="chunk-count">
              {t(
                call.chunks.length === 1 ? 'explorerEventsOne' : 'explorerEventsMany',
                String(call.chunks.length),
              )}
            </p>
            <ol class="explorer-chunks" aria-label={t('explorerEvents')} tabIndex={0}>
              {call.chunks.map((chunk, index) => (
                <li key={index}>
                  <code>{`data: ${chunk}`}</code>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}

export function ApiExplorer({
  call,
  model,
  turns,
  standalone,
}: {
  call: RecordedCall | undefined;
  model: string;
  /** The conversation shown, for the snippets before this page made a call. */
  turns: ChatTurn[];
  standalone: boolean;
}) {
  return (
    <section class="card explorer" aria-labelledby="explorer-title" data-testid="api-explorer">
      <h2 id="explorer-title">{t('explorerTitle')}</h2>
      {call ? <Exchange call={call} /> : <p class="muted">{t('explorerEmpty')}</p>}
      <section class="explorer-part" aria-label={t('explorerCode')}>
        <h3>{t('explorerCode')}</h3>
        <SnippetPanel request={snippetRequestOf(call, model, turns)} standalone={standalone} />
      </section>
    </section>
  );
}
