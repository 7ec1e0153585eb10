import { afterEach, describe, expect, it } from 'vitest';
import english from '../../../shared/i18n/locales/en/messages.json';
import { bundledMessages, setMessageSource } from '../../../shared/i18n/t';
import { linkWords } from './local-endpoint-link-words';

describe('the local endpoint’s state in words', () => {
  afterEach(() => setMessageSource(bundledMessages(english)));

  it('says each state the background reports', () => {
    expect(linkWords({ state: 'listening', address: '127.0.0.1', port: 3704 })).toEqual({
      text: 'Connected: listening on 127.0.0.1:3704.',
      ok: true,
    });
    expect(linkWords({ state: 'failed', reason: 'not-installed' })).toEqual({
      text: 'The host is not installed for this browser: run the install command below.',
      ok: false,
    });
    expect(linkWords({ state: 'failed', reason: 'port-in-use', address: '127.0.0.1', port: 3704 }).text).toBe(
      '127.0.0.1:3704 is already in use by another program. Choose another port.',
    );
    expect(linkWords(undefined).text).toBe('Off.');
  });

  it('words a failure in the page’s language, and what the browser said as it said it', () => {
    setMessageSource(
      bundledMessages({
        localEndpointNotInstalled: { message: 'Der Host ist für diesen Browser nicht installiert.' },
      }),
    );
    expect(linkWords({ state: 'failed', reason: 'not-installed' }).text).toBe(
      'Der Host ist für diesen Browser nicht installiert.',
    );
    const browserSaid = 'Error when communicating with the native messaging host.';
    expect(linkWords({ state: 'failed', reason: 'error', message: browserSaid }).text).toBe(browserSaid);
  });
});
