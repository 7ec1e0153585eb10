/**
 * @module With the extension, this page may use the keys only once the user allows its origin:
 * a refused call (from the chat or the compare) shows a banner that asks the extension for access.
 */
import { useState } from 'preact/hooks';
import type { FreeLLMPageApi } from '../extension/lib/page-api/freellm';
import { ChatTurnError } from '../shared/ui/chat-client';

type AccessState = 'needed' | 'asking' | 'denied' | 'granted';

export interface ExtensionAccess {
  state: AccessState | undefined;
  ask(): void;
  /** Told each failed call; a refused origin brings up the banner. */
  onTurnError(error: unknown): void;
}

export function useExtensionAccess(api: FreeLLMPageApi): ExtensionAccess {
  const [state, setState] = useState<AccessState | undefined>();
  const ask = async () => {
    setState('asking');
    try {
      setState((await api.requestAccess()).granted ? 'granted' : 'denied');
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

const TEXT: Record<AccessState, (origin: string) => string> = {
  needed: (origin) => `${origin} may not use FreeLLM yet.`,
  asking: () => 'Answer in the FreeLLM window that opened.',
  denied: (origin) => `Access was refused. Ask again, or allow ${origin} in the extension's options (Sites).`,
  granted: () => 'Allowed. Send your message again.',
};

export function AccessBanner({ access }: { access: ExtensionAccess }) {
  const { state } = access;
  if (!state) return null;
  return (
    <div class={`access-banner ${state}`} role="status" data-testid="access">
      <span>{TEXT[state](location.origin)}</span>
      {(state === 'needed' || state === 'denied') && (
        <button type="button" class="primary" onClick={access.ask}>
          Ask FreeLLM for access
        </button>
      )}
    </div>
  );
}
