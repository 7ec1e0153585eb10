import { describe, expect, it } from 'vitest';
import { bundledMessages, setMessageSource } from '../i18n/t';
import { messageWith } from './message-with';

describe('a message with elements in it', () => {
  it('puts each element where the translation says, even in another order', () => {
    setMessageSource(bundledMessages({ onDeviceIntro: { message: 'Erst $2, dann $1.' } }));
    const first = { type: 'code' };
    const second = { type: 'a' };
    expect(messageWith('onDeviceIntro', first, second)).toEqual(['Erst ', second, ', dann ', first, '.']);
  });
});
