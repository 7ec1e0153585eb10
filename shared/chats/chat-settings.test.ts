import { afterEach, describe, expect, it } from 'vitest';
import english from '../i18n/locales/en/messages.json';
import { bundledMessages, setMessageSource } from '../i18n/t';
import { fieldsOf, settingsOf } from './chat-settings';

const typed = (fields: Partial<Record<'system' | 'temperature' | 'maxTokens', string>>) => ({
  system: '',
  temperature: '',
  maxTokens: '',
  ...fields,
});

describe('chat settings', () => {
  afterEach(() => setMessageSource(bundledMessages(english)));

  it('reads what was typed, an empty field being the provider’s default', () => {
    expect(settingsOf(typed({ system: 'Be brief.', temperature: ' 0.3 ', maxTokens: '256' }))).toEqual({
      settings: { system: 'Be brief.', temperature: 0.3, maxTokens: 256 },
    });
    expect(settingsOf(typed({ system: '   ' }))).toEqual({ settings: {} });
    expect(fieldsOf({ temperature: 0, maxTokens: 1 })).toEqual(typed({ temperature: '0', maxTokens: '1' }));
  });

  it('says what is wrong with each wrong field, in words', () => {
    for (const temperature of ['2.5', '-1', 'warm', '0,7'])
      expect(settingsOf(typed({ temperature }))).toEqual({
        problems: { temperature: 'Temperature is a number from 0 to 2.' },
      });
    for (const maxTokens of ['0', '1.5', 'lots', '2000000'])
      expect(settingsOf(typed({ maxTokens }))).toEqual({
        problems: { maxTokens: 'Max tokens is a whole number from 1 to 1,000,000.' },
      });
    expect(settingsOf(typed({ temperature: '3', maxTokens: '-2' })).problems).toEqual({
      temperature: expect.stringContaining('0 to 2'),
      maxTokens: expect.stringContaining('whole number'),
    });
  });

  it('words a problem when it is found, in the language the page reads then (not when loaded)', () => {
    setMessageSource(
      bundledMessages({ chatTemperatureProblem: { message: 'Die Temperatur ist eine Zahl von 0 bis 2.' } }),
    );
    expect(settingsOf(typed({ temperature: '3' }))).toEqual({
      problems: { temperature: 'Die Temperatur ist eine Zahl von 0 bis 2.' },
    });
  });
});
