import { useEffect, useMemo, useState } from 'preact/hooks';
import { PROVIDER_PRESETS } from '../shared/catalog/provider-presets';
import type { KeySummary } from '../shared/keys/stored-key';
import { FREELLM_BASE_URL } from '../shared/http/base-url';
import { ChatTurnError } from '../shared/ui/chat-client';
import { ConversationBar } from '../shared/ui/conversation-bar';
import { useConversations } from '../shared/ui/use-conversations';
import type { FreeLLMPageApi } from '../extension/lib/page-api/freellm';
import { createStandaloneEngine, type StandaloneEngine } from './standalone-engine';
import { FieldError } from '../shared/ui/field-error';
import { messageOf } from '../shared/ui/message-of';
import { ExploredChat } from './chat/explored-chat';

export function PlaygroundApp({ extension }: { extension: FreeLLMPageApi | undefined }) {
  return (
    <div class="page playground">
      <header class="masthead">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◆
          </span>
          <div>
            <h1>FreeLLM playground</h1>
            <p class="tagline">One OpenAI-compatible API over all your free-tier keys.</p>
          </div>
        </div>
        <span class={`mode-badge ${extension ? 'extension' : 'standalone'}`} data-testid="mode">
          {extension ? `Extension ${extension.version}` : 'Standalone (no extension)'}
        </span>
      </header>
      {extension ? <ExtensionChat api={extension} /> : <StandaloneChat />}
    </div>
  );
}

type AccessState = 'needed' | 'asking' | 'denied' | 'granted';

function ExtensionChat({ api }: { api: FreeLLMPageApi }) {
  const [access, setAccess] = useState<AccessState | undefined>();
  const ask = async () => {
    setAccess('asking');
    try {
      setAccess((await api.requestAccess()).granted ? 'granted' : 'denied');
    } catch {
      setAccess('denied');
    }
  };
  return (
    <main class="sections">
      <ExploredChat
        fetch={api.fetch}
        baseURL={api.baseURL}
        standalone={false}
        emptyHint="Say hello. The answer streams from whichever of your providers has room."
        onTurnError={(error) => {
          if (error instanceof ChatTurnError && error.code === 'origin_not_allowed') setAccess('needed');
        }}
      >
        <p class="muted">
          Requests go through the FreeLLM extension, which asks you before a site may use your keys.
        </p>
        {access && <AccessBanner state={access} origin={location.origin} onAsk={() => void ask()} />}
      </ExploredChat>
    </main>
  );
}

function AccessBanner({ state, origin, onAsk }: { state: AccessState; origin: string; onAsk: () => void }) {
  const text: Record<AccessState, string> = {
    needed: `${origin} may not use FreeLLM yet.`,
    asking: 'Answer in the FreeLLM window that opened.',
    denied: `Access was refused. Ask again, or allow ${origin} in the extension's options (Sites).`,
    granted: 'Allowed. Send your message again.',
  };
  return (
    <div class={`access-banner ${state}`} role="status" data-testid="access">
      <span>{text[state]}</span>
      {(state === 'needed' || state === 'denied') && (
        <button type="button" class="primary" onClick={onAsk}>
          Ask FreeLLM for access
        </button>
      )}
    </div>
  );
}

function StandaloneChat() {
  const standalone = useMemo<StandaloneEngine>(() => createStandaloneEngine(), []);
  const [keys, setKeys] = useState<KeySummary[]>([]);
  const refresh = () => void standalone.engine.keys.list().then(setKeys);
  useEffect(refresh, [standalone]);
  // This page's engine keeps the conversations across reloads (sealed like its keys).
  const conversations = useConversations(standalone.engine.chats, true, () => crypto.randomUUID());
  const { open } = conversations;
  const [model, setModel] = useState('auto');
  return (
    <main class="sections">
      <section class="card">
        <h2>Keys in this page</h2>
        <p class="muted">
          The extension is not installed, so the engine runs right here. Keys are encrypted in this site's
          storage. Only providers that accept calls from web pages work in this mode (Groq, OpenAI,
          OpenRouter, Together, Gemini); install the extension for all of them.
        </p>
        {keys.length > 0 && (
          <ul class="key-list">
            {keys.map((key) => (
              <li key={key.id} class="key-row">
                <div class="key-main">
                  <span class="provider-badge">{key.providerId}</span>
                  <code class="key-hint">{key.hint}</code>
                </div>
              </li>
            ))}
          </ul>
        )}
        <StandaloneKeyForm engine={standalone} onAdded={refresh} />
      </section>
      <ExploredChat
        fetch={standalone.fetch}
        baseURL={FREELLM_BASE_URL}
        standalone
        chatKey={open?.id}
        ready={open !== undefined}
        initialTurns={open?.turns}
        onTurnsChange={(turns) => open && conversations.keep(open.id, turns)}
        model={model}
        onModelChange={setModel}
        emptyHint={keys.length ? 'Say hello.' : 'Add a key above, then say hello.'}
      >
        <div class="chat-card-head">
          <h2>Chat</h2>
          <ConversationBar conversations={conversations} />
        </div>
      </ExploredChat>
    </main>
  );
}

function StandaloneKeyForm({ engine, onAdded }: { engine: StandaloneEngine; onAdded: () => void }) {
  const [providerId, setProviderId] = useState(PROVIDER_PRESETS[0]?.id ?? '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await engine.engine.keys.add({ providerId, secret });
      setSecret('');
      setError(undefined);
      onAdded();
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };
  return (
    <form class="inline-form" onSubmit={submit} aria-label="Add a key to this page">
      <select
        aria-label="Provider"
        value={providerId}
        onChange={(event) => setProviderId(event.currentTarget.value)}
      >
        {PROVIDER_PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.name}
          </option>
        ))}
      </select>
      <input
        type="password"
        aria-label="API key"
        required
        autoComplete="off"
        value={secret}
        onInput={(event) => setSecret(event.currentTarget.value)}
        placeholder="Paste a key"
      />
      <button type="submit" class="primary">
        Add key
      </button>
      <FieldError message={error} />
    </form>
  );
}
