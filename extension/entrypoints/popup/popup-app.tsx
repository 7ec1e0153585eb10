import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { KeySummary } from '../../../shared/keys/stored-key';
import { callBackground } from '../../lib/ui-client';

/** The popup's first cut: pool status and a way into the settings. The chat comes next. */
export function PopupApp() {
  const [keys, setKeys] = useState<KeySummary[] | undefined>();
  useEffect(() => {
    void callBackground<KeySummary[]>({ type: 'keys.list' }).then(setKeys);
  }, []);
  const enabled = keys?.filter((key) => key.enabled).length ?? 0;
  return (
    <div class="popup">
      <div class="brand">
        <span class="logo" aria-hidden="true">◆</span>
        <div>
          <h1>FreeLLM</h1>
          <p class="muted">{keys === undefined ? 'Loading…' : `${enabled} key${enabled === 1 ? '' : 's'} in the pool`}</p>
        </div>
      </div>
      <button type="button" class="primary wide" onClick={() => void browser.runtime.openOptionsPage()}>
        Manage keys and sites
      </button>
    </div>
  );
}
