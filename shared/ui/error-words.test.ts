import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import english from '../i18n/locales/en/messages.json';
import { bundledMessages, setMessageSource } from '../i18n/t';
import { answerCall } from '../engine/answer-call';
import { managementCalls } from '../engine/management-calls';
import { errorWithCode, invalidRequest, upstreamError } from '../openai/error';
import { createTestEngine } from '../testing/test-engine';
import { errorWords } from './error-words';

/** Every English message marked, to tell words looked up from the engine's own. */
const inAnotherLanguage = bundledMessages(
  Object.fromEntries(
    Object.entries(english).map(([key, { message }]) => [key, { message: `[de] ${message}` }]),
  ),
);

const noFetch = () => Promise.reject(new Error('no provider is called here'));

/** What a page catches from a failed call: the reply's error, its code, param and values kept. */
async function failure(calls: ReturnType<typeof managementCalls>, type: string, input: object = {}) {
  const reply = await answerCall(calls, { ...input, type });
  if (reply.ok) throw new Error(`${type} did not fail`);
  return Object.assign(new Error(reply.error.message), reply.error);
}

/** Words the engine's English says, byte for byte, and that come from the messages. */
function expectWorded(error: Error, words: string) {
  expect(error.message).toBe(words);
  expect(errorWords(error)).toBe(words);
  setMessageSource(inAnotherLanguage);
  expect(errorWords(error)).toMatch(/^\[de\] /);
  setMessageSource(bundledMessages(english));
}

describe('a failed call in words', () => {
  let calls: ReturnType<typeof managementCalls>;
  beforeEach(() => {
    calls = managementCalls(createTestEngine(noFetch).engine);
  });
  afterEach(() => setMessageSource(bundledMessages(english)));

  it.each<[string, string, object, string]>([
    [
      'a key too short',
      'keys.add',
      { providerId: 'groq', secret: 'gsk_1' },
      'That key is too short to be real',
    ],
    [
      'a key with a space',
      'keys.add',
      { providerId: 'groq', secret: 'gsk_one two' },
      'A key has no spaces in it',
    ],
    [
      'a name too long',
      'keys.add',
      { providerId: 'groq', secret: 'gsk_long_enough', label: 'n'.repeat(81) },
      'Keep the name under 80 characters',
    ],
    ['a key gone', 'keys.rename', { id: 'gone', label: 'x' }, 'No stored key has the id "gone".'],
    [
      'a passphrase too short',
      'vault.setPassphrase',
      { passphrase: 'short' },
      'Use a passphrase of at least 8 characters',
    ],
    [
      'nothing to lock',
      'vault.lock',
      {},
      'FreeLLM has no passphrase yet. Set one first; without it there is nothing to lock or change.',
    ],
    [
      '.env text too long',
      'env.preview',
      { text: 'x'.repeat(200_001) },
      'Paste at most 200000 characters of .env text',
    ],
    [
      'not a site',
      'origins.allow',
      { origin: 'not a site' },
      '"https://not a site" is not an http(s) origin such as https://example.com',
    ],
    [
      'a plain-http site',
      'origins.allow',
      { origin: 'http://example.com' },
      'http://example.com is plain http: FreeLLM offers its page API only to https sites (and to localhost), so a page there could not use it. Use https://example.com.',
    ],
    [
      'a site not allowed',
      'origins.configure',
      { origin: 'https://example.com', allowFrames: true },
      'https://example.com is not an allowed site.',
    ],
    [
      'a file that is not JSON',
      'settings.import',
      { document: 'not json' },
      'This is not a FreeLLM settings file: it is not valid JSON. Nothing was imported.',
    ],
    [
      'a file of another format',
      'settings.import',
      { document: '{"format":"other"}' },
      'Invalid settings file at format: Invalid input: expected "freellm-settings" (and 8 more problems). Nothing was imported.',
    ],
    [
      'an endpoint without a name',
      'providers.addCustom',
      { name: ' ', baseURL: 'https://a.example/v1', defaultModel: 'm' },
      'Give the endpoint a name',
    ],
    [
      'an endpoint not on http(s)',
      'providers.addCustom',
      { name: 'A', baseURL: 'ftp://a.example', defaultModel: 'm' },
      'Base URL must be an http(s) URL such as https://example.com/v1',
    ],
    [
      'an endpoint without a model',
      'providers.addCustom',
      { name: 'A', baseURL: 'https://a.example/v1', defaultModel: ' ' },
      'Name the model to use by default',
    ],
  ])('%s: the English the engine gave', async (_case, type, input, words) => {
    expectWorded(await failure(calls, type, input), words);
  });

  it('never carries the refused key in the error a page gets, values included', async () => {
    for (const secret of ['gsk_1', 'gsk_one two', 'x'.repeat(5000)]) {
      const error = await failure(calls, 'keys.add', { providerId: 'groq', secret });
      expect(error.values).toBeDefined();
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain(secret);
    }
  });

  it('words what a settings file or the lock refuses, as the engine said it', async () => {
    const { id } = await calls['keys.add'].handle({ providerId: 'groq', secret: 'gsk_exported_key' });
    expectWorded(await failure(calls, 'keys.rename', { id, label: ' ' }), 'Give the key a name');
    const exported = await calls['settings.export'].handle({ passphrase: 'file passphrase' });
    const wrongFile = await failure(calls, 'settings.import', {
      document: exported,
      passphrase: 'not it at all',
    });
    expectWorded(
      wrongFile,
      'Could not decrypt keys[0].ciphertext: the passphrase is wrong or the file was altered. Nothing was imported.',
    );
    expectWorded(
      await failure(calls, 'settings.import', { document: exported }),
      'The keys in this file are encrypted: give the passphrase they were exported with. Nothing was imported.',
    );

    await calls['vault.setPassphrase'].handle({ passphrase: 'the passphrase' });
    expectWorded(
      await failure(calls, 'vault.setPassphrase', { passphrase: 'another one' }),
      'FreeLLM already has a passphrase. Change it or remove it instead.',
    );
    await calls['vault.lock'].handle({});
    expectWorded(
      await failure(calls, 'vault.unlock', { passphrase: 'not the passphrase' }),
      'That passphrase is not the right one. Nothing was changed.',
    );
    expect(
      errorWords(await failure(calls, 'keys.add', { providerId: 'groq', secret: 'gsk_while_locked' })),
    ).toBe(
      'FreeLLM is locked. Unlock it with your passphrase from the FreeLLM options page or the popup; your keys are safe and nothing was lost.',
    );
  });

  it('says what FreeLLM has no words of its own for as it was said', async () => {
    const framed = await failure(calls, 'limits.save', { limits: { groq: { rpm: -1 } } });
    expect(framed.message).toMatch(/^Invalid limits at limits\.groq/);
    expect(errorWords(framed)).toBe(framed.message);
    const provider = upstreamError({
      status: 400,
      kind: 'request',
      provider: 'groq',
      code: 'bad_thing',
      message: 'Groq: the model is decommissioned',
    });
    expect(errorWords(provider)).toBe('Groq: the model is decommissioned');
    expect(errorWords(invalidRequest('Invalid routing settings at aliases.x: Too big'))).toBe(
      'Invalid routing settings at aliases.x: Too big',
    );
    expect(errorWords(new Error('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorWords('plain words')).toBe('plain words');
  });

  it('words the errors in the page’s language', () => {
    setMessageSource(
      bundledMessages({
        errorWrongPassphrase: { message: 'Diese Passphrase ist nicht die richtige. Nichts wurde geändert.' },
        errorSiteNotAllowed: { message: '$1 ist keine erlaubte Seite.' },
      }),
    );
    expect(errorWords(errorWithCode('wrong_passphrase', 'That passphrase is not the right one.'))).toBe(
      'Diese Passphrase ist nicht die richtige. Nichts wurde geändert.',
    );
    const notAllowed = invalidRequest('https://a.example is not an allowed site.', 'origin', {
      reason: 'not_allowed',
      origin: 'https://a.example',
    });
    expect(errorWords(notAllowed)).toBe('https://a.example ist keine erlaubte Seite.');
  });
});
