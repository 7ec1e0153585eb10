/**
 * @module With the extension, this page may use the keys only once the user allows its origin:
 * a refused call (from the chat or the compare) shows a banner that asks the extension for access.
 */
import { useState } from 'preact/hooks';
import type { FreeLLMPageApi } from '../extension/lib/page-api/freellm';
import { t, type MessageKey } from '../shared/i18n/t';
import { ChatTurnError } from '../shared/ui/chat-client';

type AccessState = 'needed' | 'asking' | 'denied' | 'granted';

export interface ExtensionAccess {
  state: AccessState | undefined;
  ask(): void;
  /** Told each failed call; a refused origin brings up the banner. */
  onTurnError(error: unknown): void;
}

/** `onGranted`: told when the user allowed this page (the models on offer are then this page's). */
export function useExtensionAccess(api: FreeLLMPageApi, onGranted: () => void): ExtensionAccess {
  const [state, setState] = useState<AccessState | undefined>();
  const ask = async () => {
    setState('asking');
    try {
      const { granted } = await api.requestAccess();
      setState(granted ? 'granted' : 'denied');
      if (granted) onGranted();
    } catch {
      setState('denied');
    }
  };
  return {
    state,
    ask: () => void ask(),
    onTurnError(error) {
      if (error instanceof ChatTurnError && error.code === 'origin_not_allowed') setState('needed');
    },
  };
}

/** Each state's words; `$1`, where a message has it, is this page's origin. */
const TEXT: Record<AccessState, MessageKey> = {
  needed: 'playAccessNeeded',
  asking: 'playAccessAsking',
  denied: 'playAccessDenied',
  granted: 'playAccessGranted',
};

export function AccessBanner({ access }: { access: ExtensionAccess }) {
  const { state } = access;
  if (!state) return null;
  return (
    <div class={`access-banner ${state}`} role="status" data-testid="access">
      <span>{t(TEXT[state], location.origin)}</span>
      {(state === 'needed' || state === 'denied') && (
        <button type="button" class="primary" onClick={access.ask}>
          {t('playAccessAsk')}
        </button>
      )}
    </div>
  );
}
