import { useEffect, useState } from 'preact/hooks';
import type { LocalEndpointSettings } from '../../../shared/local-endpoint/local-endpoint';
import { localEndpointRecipes } from '../../../shared/snippets/local-endpoint-recipes';
import { FieldError } from '../../../shared/ui/field-error';
import type { LinkState } from '../../lib/local-endpoint/local-endpoint-link';
import { callBackground } from '../../lib/ui-client';
import { useAction } from './use-action';
import './local-endpoint-section.css';
import { t, type MessageKey } from '../../../shared/i18n/t';
import { messageWith } from '../../../shared/ui/message-with';
import { linkWords } from './local-endpoint-link-words';

/** How often the host's state is read while the endpoint is on (it connects in the background). */
const LINK_POLL_MS = 2_000;
const LOOPBACK = ['127.0.0.1', '::1', 'localhost'];
const HIDDEN_TOKEN = 'freellm-••••••••';
const EXAMPLE_ORIGIN = 'https://notebook.example';
const LIMIT_WORDS: Record<'requestsPerMinute' | 'requestsPerDay', MessageKey> = {
  requestsPerMinute: 'sitePerMinute',
  requestsPerDay: 'sitePerDay',
};

/** Shell lines, their comments in the page's language. */
const installCommands = () =>
  [
    `# ${t('localEndpointInstallInClone')}`,
    'npm run local-api:install',
    `# ${t('localEndpointInstallInZip')}`,
    'node local-api/install.mjs',
  ].join('\n');

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
        <h2 id="local-endpoint-title">{t('localEndpointTitle')}</h2>
        <p class="muted">{t('localEndpointIntro')}</p>
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
        <span>{t('localEndpointTurnOn')}</span>
      </label>
      <p class={`status ${status.ok ? 'ok' : 'bad'}`} role="status" data-testid="local-endpoint-status">
        {status.text}
      </p>

      <h3>{t('localEndpointInstallTitle')}</h3>
      <div class="recipe">
        <pre>
          <code>{installCommands()}</code>
        </pre>
      </div>

      <form
        class="inline-form local-address"
        aria-label={t('localEndpointAddressForm')}
        onSubmit={(event) => {
          event.preventDefault();
          void configure({ address: address.trim(), port: Number(port) });
        }}
      >
        <label>
          {t('localEndpointAddress')}
          <input value={address} onInput={(event) => setAddress(event.currentTarget.value)} />
        </label>
        <label>
          {t('localEndpointPort')}
          <input
            type="number"
            min={1}
            max={65535}
            value={port}
            onInput={(event) => setPort(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('localEndpointSaveAddress')}
        </button>
      </form>
      {!LOOPBACK.includes(settings.address) && (
        <p class="banner error">{t('localEndpointReachable', settings.address)}</p>
      )}

      {settings.enabled && (
        <>
          <h3>{t('localEndpointToken')}</h3>
          <div class="token-row">
            <code data-testid="local-endpoint-token">{shown && token ? token : HIDDEN_TOKEN}</code>
            <button type="button" class="ghost" onClick={() => setShown(!shown)}>
              {shown ? t('localEndpointHide') : t('localEndpointShow')}
            </button>
            <button type="button" class="ghost" onClick={() => token && copy('token', token)}>
              {copied === 'token' ? t('copied') : t('copy')}
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
              {t('localEndpointRotate')}
            </button>
          </div>

          <h3>{t('localEndpointUseFrom')}</h3>
          {recipes.map((recipe, index) => (
            <div class="recipe" key={recipe.id}>
              <div class="recipe-head">
                <span>{recipe.title}</span>
                <button
                  type="button"
                  class="ghost"
                  aria-label={t('localEndpointCopyRecipe', recipe.title)}
                  onClick={() => copy(recipe.id, withToken[index]?.text ?? '')}
                >
                  {copied === recipe.id ? t('copied') : t('copy')}
                </button>
              </div>
              <pre>
                <code>{recipe.text}</code>
              </pre>
            </div>
          ))}

          <h3>{t('localEndpointLimits')}</h3>
          <div class="row-actions">
            {(['requestsPerMinute', 'requestsPerDay'] as const).map((key) => (
              <label class="limit" key={key}>
                {t(LIMIT_WORDS[key])}
                <input
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={settings.limits[key] ?? ''}
                  placeholder={t('noLimit')}
                  onChange={(event) => {
                    const raw = event.currentTarget.value.trim();
                    void configure({ limits: { [key]: raw === '' ? null : Number(raw) } });
                  }}
                />
              </label>
            ))}
          </div>
          <p class="muted small">{messageWith('localEndpointOriginNote', <code>Origin</code>)}</p>
          {settings.allowedOrigins.length > 0 && (
            <ul class="site-list" aria-label={t('localEndpointOrigins')}>
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
                    {t('localEndpointRemove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="inline-form"
            aria-label={t('localEndpointAllowForm')}
            onSubmit={(event) => {
              event.preventDefault();
              void configure({ allowedOrigins: [...settings.allowedOrigins, origin.trim()] }).then(
                (done) => done && setOrigin(''),
              );
            }}
          >
            <input
              value={origin}
              placeholder={EXAMPLE_ORIGIN}
              aria-label={t('localEndpointOrigin')}
              onInput={(event) => setOrigin(event.currentTarget.value)}
            />
            <button type="submit" disabled={busy}>
              {t('localEndpointAllowOrigin')}
            </button>
          </form>
        </>
      )}
      <FieldError message={error} />
    </section>
  );
}
