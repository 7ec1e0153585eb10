import { describe, expect, it } from 'vitest';
import { requestFieldsOf, settingsSummary } from './chat-settings-in-use';

describe('chat settings in use', () => {
  it('sends the system prompt first, then the conversation, with temperature and max_tokens', () => {
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    expect(requestFieldsOf(messages, { system: 'Be brief.', temperature: 0, maxTokens: 64 })).toEqual({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      temperature: 0,
      max_tokens: 64,
    });
    expect(requestFieldsOf(messages, {})).toEqual({ messages });
  });

  it('sums up the settings that differ from the defaults', () => {
    expect(settingsSummary({})).toBe('');
    expect(settingsSummary({ system: 'x', temperature: 0.2, maxTokens: 4000 })).toBe(
      'system prompt · temperature 0.2 · max 4,000 tokens',
    );
  });
});
