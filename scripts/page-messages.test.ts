import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messagesNamedIn, pageMessages } from './page-messages';

const repository = fileURLToPath(new URL('..', import.meta.url));
const english = `${repository}shared/i18n/locales/en/messages.json`;

function playgroundMessages(): Record<string, { message: string }> {
  const plugin = pageMessages(repository, ['web', 'shared']);
  const load = plugin.load as (id: string) => string | null;
  return JSON.parse(load(english) ?? '{}') as Record<string, { message: string }>;
}

describe('the messages the playground ships', () => {
  it('keep the words of its own screens and of the chat it shares with the popup', () => {
    const messages = playgroundMessages();
    expect(messages.playTitle?.message).toBe('FreeLLM playground');
    expect(messages.chatStop?.message).toBe('Stop');
  });

  it('leave out the words only the extension shows (the options page)', () => {
    expect(playgroundMessages()).not.toHaveProperty('keysTitle');
  });

  it('leave other files alone', () => {
    const load = pageMessages(repository, ['web']).load as (id: string) => string | null;
    expect(load(`${repository}package.json`)).toBeNull();
  });

  it('count a key as named only when quoted, as the code names keys', () => {
    const messages = { send: 1, sendAll: 2, stop: 3 };
    expect(messagesNamedIn(messages, ["t('sendAll')", 'stop the stream'])).toEqual({ sendAll: 2 });
  });
});
