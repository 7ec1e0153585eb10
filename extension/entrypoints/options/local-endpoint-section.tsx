import { useEffect, useState } from 'preact/hooks';
import type { LocalEndpointSettings } from '../../../shared/local-endpoint/local-endpoint';
import { localEndpointRecipes } from '../../../shared/snippets/local-endpoint-recipes';
import { FieldError } from '../../../shared/ui/field-error';
import type { LinkState } from '../../lib/local-endpoint/local-endpoint-link';
import { callBackground } from '../../lib/ui-client';
import { useAction } from './use-action';
import './local-endpoint-section.css';

/** How often the host's state is read while the endpoint is on (it connects in the background). */
const LINK_POLL_MS = 2_000;
const LOOPBACK = ['127.0.0.1', '::1', 'localhost'];
const HIDDEN_TOKEN = 'freellm-••••••••';

const INSTALL_COMMANDS = [
  '# in a clone of FreeLLM',
  'npm run local-api:install',
  '# or in the folder a release zip was unzipped into',
  'node local-api/install.mjs',
].join('\n');

function linkWords(link: LinkState | undefined): { text: string; ok: boolean } {
  switch (link?.state) {
    case 'listening':
      return { text: `Connected: listening on ${link.address}:${link.port}.`, ok: true };
    case 'failed':
      return { text: link.message, ok: false };
    case 'connecting':
      return { text: 'Connecting to the host…', ok: false };
    default:
      return { text: 'Off.', ok: false };
  }
}

/** Tools outside the browser: the endpoint's switch, address, token, host state and recipes. */
export function LocalEndpointSection() {
  const [settings, setSettings] = useState<LocalEndpointSettings | undefined>();
  const [link, setLink] = useState<LinkState | undefined>();
  const [token, setToken] = useState<string | undefined>();
  const [shown, setShown] = useState(false);
  const [address, setAddress] = useState('');
  const [port, setPort] = useState('');
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState<string | undefined>();
  const { busy, error, run } = useAction();

  const readLink = () => callBackground('localEndpoint.link').then(setLink);
  const show = (next: LocalEndpointSettings) => {
    setSettings(next);
    setAddress(next.address);
    setPort(String(next.port));
  };
  useEffect(() => {
    void callBackground('localEndpoint.settings').then(show);
    void readLink();
  }, []);
  useEffect(() => {
    if (!settings?.enabled) return;
    void callBackground('localEndpoint.token').then(setToken, () => undefined);
    const timer = setInterval(() => void readLink(), LINK_POLL_MS);
    return () => clearInterval(timer);
  }, [settings?.enabled]);

  const configure = (change: Record<string, unknown>) =>
    run(async () => {
      show(await callBackground('localEndpoint.configure', { change }));
      await readLink();
    });
  const copy = (id: string, text: string) =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(id),
      () => setCopied(undefined),
    );

  if (!settings) return null;
  const status = linkWords(link);
  const recipesWith = (value: string) =>
    localEndpointRecipes({ address: settings.address, port: settings.port, token: value, model: 'auto' });
  // Shown with the token hidden unless asked; copied with it.
  const withToken = recipesWith(token ?? '');
  const recipes = shown && token ? withToken : recipesWith(HIDDEN_TOKEN);

  return (
    <section class="card" aria-labelledby="local-endpoint-title" data-testid="local-endpoint-section">
      <div class="card-head">
        <h2 id="local-endpoint-title">Local endpoint</h2>
        <p class="muted">
          Lets tools outside the browser (curl, Python, Claude Code, Codex…) use your keys through an OpenAI-
          and Anthropic-compatible address on this computer. A small host program relays to FreeLLM; every
          request needs the token below, and web pages are refused.
        </p>
      </div>
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.enabled}
          disabled={busy}
          onChange={(event) => {
            const enabled = event.currentTarget.checked;
            // Shown at once: the busy re-render must not flip the box back while the call runs.
            setSettings({ ...settings, enabled });
            void configure({ enabled }).then(
              (done) => done || void callBackground('localEndpoint.settings').then(show),
            );
          }}
        />
        <span>Turn on the local endpoint</span>
      </label>
      <p class={`status ${status.ok ? 'ok' : 'bad'}`} role="status" data-testid="local-endpoint-status">
        {status.text}
      </p>

      <h3>Install the host (once, Node 20 or later)</h3>
      <div class="recipe">
        <pre>
          <code>{INSTALL_COMMANDS}</code>
        </pre>
      </div>

      <form
        class="inline-form local-address"
        aria-label="Local endpoint address"
        onSubmit={(event) => {
          event.preventDefault();
          void configure({ address: address.trim(), port: Number(port) });
        }}
      >
        <label>
          Address
          <input value={address} onInput={(event) => setAddress(event.currentTarget.value)} />
        </label>
        <label>
          Port
          <input
            type="number"
            min={1}
            max={65535}
            value={port}
            onInput={(event) => setPort(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Save address
        </button>
      </form>
      {!LOOPBACK.includes(settings.address) && (
        <p class="banner error">
          {settings.address} is reachable from other computers on your network. They still need the token.
        </p>
      )}

      {settings.enabled && (
        <>
          <h3>Token</h3>
          <div class="token-row">
            <code data-testid="local-endpoint-token">{shown && token ? token : HIDDEN_TOKEN}</code>
            <button type="button" class="ghost" onClick={() => setShown(!shown)}>
              {shown ? 'Hide' : 'Show'}
            </button>
            <button type="button" class="ghost" onClick={() => token && copy('token', token)}>
              {copied === 'token' ? 'Copied' : 'Copy'}
            </button>
            <button
              type="button"
              class="ghost danger"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  setToken(await callBackground('localEndpoint.rotateToken'));
                })
              }
            >
              Rotate
            </button>
          </div>

          <h3>Use it from</h3>
          {recipes.map((recipe, index) => (
            <div class="recipe" key={recipe.id}>
              <div class="recipe-head">
                <span>{recipe.title}</span>
                <button
                  type="button"
                  class="ghost"
                  aria-label={`Copy the ${recipe.title} settings`}
                  onClick={() => copy(recipe.id, withToken[index]?.text ?? '')}
                >
                  {copied === recipe.id ? 'Copied' : 'Copy'}
                </button>
              </div>
              <pre>
                <code>{recipe.text}</code>
              </pre>
            </div>
          ))}

          <h3>Limits and web pages</h3>
          <div class="row-actions">
            {(['requestsPerMinute', 'requestsPerDay'] as const).map((key) => (
              <label class="limit" key={key}>
                {key === 'requestsPerMinute' ? 'Per minute' : 'Per day'}
                <input
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={settings.limits[key] ?? ''}
                  placeholder="no limit"
                  onChange={(event) => {
                    const raw = event.currentTarget.value.trim();
                    void configure({ limits: { [key]: raw === '' ? null : Number(raw) } });
                  }}
                />
              </label>
            ))}
          </div>
          <p class="muted small">
            Requests carrying a web page’s <code>Origin</code> are refused unless the origin is listed here.
          </p>
          {settings.allowedOrigins.length > 0 && (
            <ul class="site-list" aria-label="Origins allowed on the local endpoint">
              {settings.allowedOrigins.map((allowed) => (
                <li class="site-row" key={allowed}>
                  <span class="site-origin">{allowed}</span>
                  <button
                    type="button"
                    class="ghost danger"
                    onClick={() =>
                      void configure({
                        allowedOrigins: settings.allowedOrigins.filter((item) => item !== allowed),
                      })
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="inline-form"
            aria-label="Allow an origin on the local endpoint"
            onSubmit={(event) => {
              event.preventDefault();
              void configure({ allowedOrigins: [...settings.allowedOrigins, origin.trim()] }).then(
                (done) => done && setOrigin(''),
              );
            }}
          >
            <input
              value={origin}
              placeholder="https://notebook.example"
              aria-label="Origin"
              onInput={(event) => setOrigin(event.currentTarget.value)}
            />
            <button type="submit" disabled={busy}>
              Allow origin
            </button>
          </form>
        </>
      )}
      <FieldError message={error} />
    </section>
  );
}
