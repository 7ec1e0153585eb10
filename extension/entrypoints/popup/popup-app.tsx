import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { VaultStatus } from '../../../shared/vault/vault';
import { ChatTurnError } from '../../../shared/ui/chat-client';
import { ChatView } from '../../../shared/ui/chat-view';
import { ConversationBar } from '../../../shared/ui/conversation-bar';
import { lazyComponent } from '../../../shared/ui/lazy-component';
import { useConversations, type ChatStore } from '../../../shared/ui/use-conversations';
import { FREELLM_BASE_URL } from '../../../shared/http/base-url';
import { runtimeFetch } from '../../lib/runtime-fetch';
import { callBackground, onPoolChanged, onVaultChanged, type ResultOf } from '../../lib/ui-client';
import { UnlockForm } from './unlock-form';
import { t } from '../../../shared/i18n/t';

// Only a first run without keys needs it, and it carries the catalog's presets: out of the first load.
const useZeroKeyStart = lazyComponent(() => import('./zero-key-start').then((module) => module.ZeroKeyStart));

/** The popup closes whenever it loses focus; its conversations are kept (sealed) by the engine. */
const backgroundChats: ChatStore = {
  list: () => callBackground('chats.list'),
  get: (id) => callBackground('chats.get', { id }),
  save: (id, change) => callBackground('chats.save', { id, change }),
  remove: (id) => callBackground('chats.remove', { id }),
  current: () => callBackground('chats.current'),
  open: (id) => callBackground('chats.open', { id }),
};

function poolStatus(enabled: number, locked: boolean): string {
  const status = t(enabled === 1 ? 'poolStatusOne' : 'poolStatusMany', String(enabled));
  return locked ? t('poolStatusLocked', status) : status;
}

/** The popup: a chat over the pooled keys, and the way into the settings. */
export function PopupApp() {
  const [keys, setKeys] = useState<ResultOf<'keys.list'> | undefined>();
  const [vault, setVault] = useState<VaultStatus | undefined>();
  const readVault = () => callBackground('vault.status').then(setVault);
  const readKeys = () => callBackground('keys.list').then(setKeys);
  useEffect(() => {
    void readKeys();
    void readVault();
    // Locked elsewhere (the options page, the idle auto-lock) or unlocked there: shown at once.
    const stopVault = onVaultChanged(() => void readVault());
    // A key added or removed in the options page while the popup is open.
    const stopPool = onPoolChanged(() => void readKeys());
    return () => {
      stopVault();
      stopPool();
    };
  }, []);
  // The kept conversations can be read once the vault is open.
  const conversations = useConversations(backgroundChats, vault?.locked === false, () => crypto.randomUUID());
  const { open } = conversations;
  // The model picked carries over to a new chat.
  const [model, setModel] = useState('auto');
  const enabled = keys?.filter((key) => key.enabled).length ?? 0;
  // An empty pool (no key ever added) is offered a start without keys instead of a chat that cannot answer.
  const noKeys = keys?.length === 0 && vault?.locked === false;
  const ZeroKeyStart = useZeroKeyStart(noKeys);
  return (
    <div class="popup">
      <header class="popup-head">
        <div class="brand">
          <span class="logo small" aria-hidden="true">
            ◆
          </span>
          <div>
            <h1>{t('extensionName')}</h1>
            <p class="muted small" data-testid="pool-status">
              {keys === undefined ? t('loading') : poolStatus(enabled, vault?.locked === true)}
            </p>
          </div>
        </div>
        <div class="popup-actions">
          <button type="button" class="ghost" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('settings')}
          </button>
        </div>
      </header>
      {/* Requests would only fail with vault_locked until the passphrase is given. */}
      {vault?.locked && <UnlockForm variant="popup" onUnlocked={readVault} />}
      {noKeys && ZeroKeyStart && <ZeroKeyStart onStarted={() => void readKeys()} />}
      {!vault?.locked && !noKeys && <ConversationBar conversations={conversations} />}
      {/* Kept while locked: the conversation is still there after unlocking. */}
      {open && (
        <ChatView
          key={open.id}
          fetch={runtimeFetch}
          baseURL={FREELLM_BASE_URL}
          hidden={vault?.locked || noKeys}
          initialTurns={open.turns}
          model={model}
          onModelChange={setModel}
          emptyHint={enabled ? t('chatHintReady') : t('chatHintNoKeys')}
          onTurnsChange={(turns) => conversations.keep(open.id, turns)}
          initialSettings={open.settings}
          onSettingsChange={(settings) => conversations.keepSettings(open.id, settings)}
          subscribeToModelChanges={onPoolChanged}
          // The vault may lock itself (idle) while the popup is open.
          onTurnError={(error) => {
            if (error instanceof ChatTurnError && error.code === 'vault_locked') void readVault();
          }}
        />
      )}
    </div>
  );
}
