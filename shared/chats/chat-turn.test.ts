import { describe, expect, it } from 'vitest';
import { messagesOf, type ChatTurn } from './chat-turn';

describe('messagesOf', () => {
  it('leaves out a failed answer and the question it left unanswered, keeping roles alternating', () => {
    const turns: ChatTurn[] = [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'one', servedBy: 'groq · m' },
      { role: 'user', content: 'second' },
      { role: 'assistant', content: 'half an ans', error: 'Stopped.' },
      { role: 'user', content: 'third' },
    ];
    expect(messagesOf(turns)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'one' },
      { role: 'user', content: 'third' },
    ]);
  });
});
