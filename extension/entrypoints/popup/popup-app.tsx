import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { KeySummary } from '../../../shared/keys/stored-key';
import type { VaultStatus } from '../../../shared/vault/vault';
import { ChatTurnError } from '../../../shared/ui/chat-client';
import { ChatView } from '../../../shared/ui/chat-view';
import { FREELLM_BASE_URL } from '../../../shared/http/base-url';
import { runtimeFetch } from '../../lib/runtime-fetch';
import { callBackground } from '../../lib/ui-client';
import { UnlockForm } from './unlock-form';

/** The popup: a chat over the pooled keys, and the way into the settings. */
export function PopupApp() {
  const [keys, setKeys] = useState<KeySummary[] | undefined>();
  const [vault, setVault] = useState<VaultStatus | undefined>();
  const readVault = () => callBackground<VaultStatus>({ type: 'vault.status' }).then(setVault);
  useEffect(() => {
    void callBackground<KeySummary[]>({ type: 'keys.list' }).then(setKeys);
    void readVault();
  }, []);
  const enabled = keys?.filter((key) => key.enabled).length ?? 0;
  return (
    <div class="popup">
      <header class="popup-head">
        <div class="brand">
          <span class="logo small" aria-hidden="true">◆</span>
          <div>
            <h1>FreeLLM</h1>
            <p class="muted small" data-testid="pool-status">{keys === undefined ? 'Loading…' : `${enabled} key${enabled === 1 ? '' : 's'} in the pool${vault?.locked ? ' · locked' : ''}`}</p>
          </div>
        </div>
        <button type="button" class="ghost" onClick={() => void browser.runtime.openOptionsPage()}>Settings</button>
      </header>
      {/* Requests would only fail with vault_locked until the passphrase is given. */}
      {vault?.locked && <UnlockForm variant="popup" onUnlocked={readVault} />}
      {/* Kept while locked: the conversation is still there after unlocking. */}
      <ChatView
        fetch={runtimeFetch}
        baseURL={FREELLM_BASE_URL}
        hidden={vault?.locked}
        emptyHint={enabled ? 'Ask anything; the first provider with room answers.' : 'Add a key in Settings to start chatting.'}
        // The vault may lock itself (idle) while the popup is open.
        onTurnError={(error) => {
          if (error instanceof ChatTurnError && error.code === 'vault_locked') void readVault();
        }}
      />
    </div>
  );
}
