/**
 * @module The playground's shell: which mode it runs in (always shown), then its tabs. Every
 * tab stays mounted while another is shown, so an answer streaming in one goes on.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FreeLLMPageApi } from '../extension/lib/page-api/freellm';
import type { ChatTurn } from '../shared/chats/chat-turn';
import { FREELLM_BASE_URL } from '../shared/http/base-url';
import { t } from '../shared/i18n/t';
import type { KeySummary } from '../shared/keys/stored-key';
import type { SubscribeToModelChanges } from '../shared/ui/use-offered-models';
import { PlaygroundChat, type Continuation } from './chat/playground-chat';
import { CompareView } from './compare/compare-view';
import { AccessBanner, useExtensionAccess } from './extension-access';
import { usePageModelChanges } from './model-changes';
import { StandaloneProviders } from './providers/standalone-providers';
import { createPageChats, createStandaloneEngine } from './standalone-engine';

export function PlaygroundApp({ extension }: { extension: FreeLLMPageApi | undefined }) {
  return (
    <div class="page playground">
      <header class="masthead">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◆
          </span>
          <div>
            <h1>{t('playTitle')}</h1>
            <p class="tagline">{t('playTagline')}</p>
          </div>
        </div>
        <span class={`mode-badge ${extension ? 'extension' : 'standalone'}`} data-testid="mode">
          {extension ? t('playModeExtension', extension.version) : t('playModeStandalone')}
        </span>
      </header>
      {extension ? <ExtensionPlayground api={extension} /> : <StandalonePlayground />}
    </div>
  );
}

interface TabsProps {
  fetch: typeof fetch;
  baseURL: string;
  onTurnError?(error: unknown): void;
  subscribeToModelChanges: SubscribeToModelChanges;
  chat(continued: Continuation | undefined): ComponentChildren;
}

const TABS = [
  { id: 'chat', label: 'playChat' },
  { id: 'compare', label: 'compareTitle' },
] as const;
type Tab = (typeof TABS)[number]['id'];

function PlaygroundTabs({ fetch, baseURL, onTurnError, subscribeToModelChanges, chat }: TabsProps) {
  const [tab, setTab] = useState<Tab>('chat');
  const [continued, setContinued] = useState<Continuation>();
  const continueInChat = (turns: ChatTurn[], model: string) => {
    setContinued({ turns, model, count: (continued?.count ?? 0) + 1 });
    setTab('chat');
  };
  const panels: Record<Tab, ComponentChildren> = {
    chat: chat(continued),
    compare: (
      <CompareView
        fetch={fetch}
        baseURL={baseURL}
        onContinue={continueInChat}
        onTurnError={onTurnError}
        subscribeToModelChanges={subscribeToModelChanges}
      />
    ),
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('playTabs')}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-controls={`panel-${id}`}
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {TABS.map(({ id }) => (
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
          {panels[id]}
        </div>
      ))}
    </>
  );
}

function ExtensionPlayground({ api }: { api: FreeLLMPageApi }) {
  const modelChanges = usePageModelChanges();
  const access = useExtensionAccess(api, modelChanges.notify);
  const chats = useMemo(createPageChats, []);
  return (
    <main class="sections">
      <section class="mode-note" aria-label={t('playMode')}>
        <p class="muted">{t('playThroughExtension')}</p>
        <AccessBanner access={access} />
      </section>
      <PlaygroundTabs
        fetch={api.fetch}
        baseURL={api.baseURL}
        onTurnError={access.onTurnError}
        subscribeToModelChanges={modelChanges.subscribe}
        chat={(continued) => (
          <PlaygroundChat
            chats={chats}
            fetch={api.fetch}
            baseURL={api.baseURL}
            standalone={false}
            emptyHint={t('playHintExtension')}
            continued={continued}
            onTurnError={access.onTurnError}
            subscribeToModelChanges={modelChanges.subscribe}
          />
        )}
      />
    </main>
  );
}

function StandalonePlayground() {
  const standalone = useMemo(createStandaloneEngine, []);
  const modelChanges = usePageModelChanges();
  const [keys, setKeys] = useState<KeySummary[]>([]);
  const refresh = () => void standalone.engine.keys.list().then(setKeys);
  useEffect(refresh, [standalone]);
  const keysChanged = () => {
    refresh();
    modelChanges.notify();
  };
  return (
    <main class="sections">
      <StandaloneProviders standalone={standalone} keys={keys} onKeysChange={keysChanged} />
      <PlaygroundTabs
        fetch={standalone.fetch}
        baseURL={FREELLM_BASE_URL}
        subscribeToModelChanges={modelChanges.subscribe}
        chat={(continued) => (
          <PlaygroundChat
            chats={standalone.engine.chats}
            fetch={standalone.fetch}
            baseURL={FREELLM_BASE_URL}
            standalone
            emptyHint={keys.length > 0 ? t('playHintStandalone') : t('playHintNoKeys')}
            continued={continued}
            subscribeToModelChanges={modelChanges.subscribe}
          />
        )}
      />
    </main>
  );
}
