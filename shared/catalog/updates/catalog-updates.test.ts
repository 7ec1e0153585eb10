import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/create-engine';
import { openDatabase } from '../../store/database';
import { createFakeFetch, jsonResponse } from '../../testing/fake-fetch';
import { ask } from '../../testing/chat-builders';
import { createCurrentCatalog } from '../current-catalog';
import { PROVIDER_PRESETS } from '../provider-presets';
import {
  GROQ_DEFAULT,
  TEST_CATALOG_KEY,
  catalogPayloadWith,
  dayAfterBuiltIn,
  groqOf,
  groqRpm,
  signedCatalog as signed,
  tamperedCatalog,
  type TestPayload,
} from '../../testing/catalog-updates';
import type { CatalogRefusal } from './accept-catalog-update';
import { writeSetting } from '../../store/kept-setting';
import { catalogPayloadOf } from './catalog-data';
import { catalogUpdatePayloadSchema } from './catalog-update-schema';
import { modelSourceOf } from '../../router/catalog-sources';
import { CATALOG_CHECK_INTERVAL_MS, createCatalogUpdates } from './catalog-updates';

const CATALOG_URL = 'https://catalog.example/catalog.json';
const source = { url: CATALOG_URL, publicKey: TEST_CATALOG_KEY.publicKey };
const UPDATE_DAY = dayAfterBuiltIn(10);
const payloadWith = (change: (payload: TestPayload) => void = () => undefined, date = UPDATE_DAY) =>
  catalogPayloadWith(change, date);

async function otherPrivateKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
}

/** An updater on a fresh database whose catalog address serves `served.text`. */
function setup(options: { withSource?: boolean; db?: ReturnType<typeof openDatabase> } = {}) {
  const served = { text: '' };
  const clock = { now: Date.parse(dayAfterBuiltIn(15)) };
  const fetch = createFakeFetch(() => new Response(served.text));
  const db = options.db ?? openDatabase(`catalog-test-${crypto.randomUUID()}`);
  const catalog = createCurrentCatalog();
  const updates = createCatalogUpdates({
    db,
    fetch,
    now: () => clock.now,
    crypto,
    catalog,
    source: options.withSource === false ? undefined : source,
  });
  const rpmInUse = () =>
    catalog.find('groq')?.models.find((model) => model.id === GROQ_DEFAULT)?.freeTier?.rpm?.value;
  const nextDay = () => {
    clock.now += CATALOG_CHECK_INTERVAL_MS;
  };
  return { served, clock, fetch, db, catalog, updates, rpmInUse, nextDay };
}

describe('the catalog the build publishes', () => {
  it('parses against the update schema and, laid over the presets, changes no figure', () => {
    const payload = catalogPayloadOf(PROVIDER_PRESETS, { issuedAt: '2026-11-20T00:00:00Z', source: 'build' });
    expect(catalogUpdatePayloadSchema.parse(JSON.parse(JSON.stringify(payload)))).toEqual(
      JSON.parse(JSON.stringify(payload)),
    );
    const catalog = createCurrentCatalog();
    catalog.use({ payload, url: CATALOG_URL });
    expect(JSON.stringify(catalog.presets())).toBe(JSON.stringify(PROVIDER_PRESETS));
  });

  it('carries no base URL, host or auth scheme', () => {
    const text = JSON.stringify(
      catalogPayloadOf(PROVIDER_PRESETS, { issuedAt: '2026-11-20T00:00:00Z', source: 'b' }),
    );
    expect(text).not.toMatch(/baseURL|"auth"|https:\/\/api\.|modelsEndpoint|keyPrefixes/);
  });
});

describe('catalog updates', () => {
  it('accept a signed update: the new limit is in use and the options page is told where it came from', async () => {
    const { served, updates, rpmInUse } = setup();
    served.text = await signed(payloadWith(groqRpm(2)));
    expect(rpmInUse()).toBe(30);

    await updates.refreshIfDue();

    expect(rpmInUse()).toBe(2);
    expect(await updates.status()).toMatchObject({
      date: UPDATE_DAY,
      source: CATALOG_URL,
      lastCheck: { outcome: 'accepted', date: UPDATE_DAY },
    });
  });

  const hostile: [string, () => Promise<string>, CatalogRefusal][] = [
    [
      'a tampered payload',
      async () => tamperedCatalog(payloadWith(groqRpm(1), dayAfterBuiltIn(12)), 1, 9999),
      { code: 'bad-signature' },
    ],
    [
      'an update signed with another key',
      async () => signed(payloadWith(groqRpm(1), dayAfterBuiltIn(12)), await otherPrivateKey()),
      { code: 'bad-signature' },
    ],
    [
      'an unsigned update (what a build without the signing key publishes)',
      async () =>
        JSON.stringify({
          payload: JSON.stringify(payloadWith(groqRpm(1), dayAfterBuiltIn(12))),
          signature: null,
        }),
      { code: 'not-signed' },
    ],
    [
      'an older update',
      async () => signed(payloadWith(groqRpm(1), dayAfterBuiltIn(5))),
      { code: 'older', date: dayAfterBuiltIn(5), inUse: UPDATE_DAY },
    ],
    [
      "an update that changes Groq's base URL",
      async () =>
        signed(
          payloadWith((payload) => {
            groqRpm(1)(payload);
            groqOf(payload).baseURL = 'https://evil.example/v1';
          }, dayAfterBuiltIn(12)),
        ),
      { code: 'sets-fixed-fields', fields: ['baseURL'], at: 'providers.groq' },
    ],
    [
      'an update that adds a provider with a host',
      async () =>
        signed(
          payloadWith((payload) => {
            payload.providers.evil = { ...groqOf(payload), baseURL: 'https://evil.example/v1' };
          }, dayAfterBuiltIn(12)),
        ),
      { code: 'sets-fixed-fields', fields: ['baseURL'], at: 'providers.evil' },
    ],
    [
      'an update that adds a provider, even without a host',
      async () =>
        signed(
          payloadWith((payload) => {
            payload.providers.evil = groqOf(payload);
          }, dayAfterBuiltIn(12)),
        ),
      { code: 'adds-providers', providers: ['evil'] },
    ],
    ['a file that is not JSON', async () => '<html>gateway error</html>', { code: 'not-a-catalog-file' }],
  ];

  it.each(hostile)(
    'refuse %s: nothing changes and the options page says why',
    async (_name, make, reason) => {
      const { served, updates, rpmInUse, nextDay, catalog } = setup();
      served.text = await signed(payloadWith(groqRpm(2)));
      await updates.refreshIfDue();
      const inUse = catalog.presets();

      nextDay();
      served.text = await make();
      await updates.refreshIfDue();

      expect(catalog.presets()).toBe(inUse);
      expect(rpmInUse()).toBe(2);
      const status = await updates.status();
      expect(status).toMatchObject({
        date: UPDATE_DAY,
        source: CATALOG_URL,
        lastCheck: { outcome: 'refused', reason },
      });
    },
  );

  it('fetch at most daily', async () => {
    const { served, fetch, clock, updates } = setup();
    served.text = await signed(payloadWith(groqRpm(2)));

    await Promise.all([updates.refreshIfDue(), updates.refreshIfDue()]);
    await updates.refreshIfDue();
    clock.now += CATALOG_CHECK_INTERVAL_MS - 1;
    await updates.refreshIfDue();
    expect(fetch.calls.map((call) => call.url)).toEqual([CATALOG_URL]);

    clock.now += 1;
    await updates.refreshIfDue();
    expect(fetch.calls).toHaveLength(2);
    expect((await updates.status()).lastCheck).toMatchObject({ outcome: 'current', at: clock.now });
  });

  it('still read the last attempt a version before the codes kept in English words', async () => {
    const { db, updates } = setup();
    const kept = { at: 5, outcome: 'failed', message: `Could not reach ${CATALOG_URL}.` };
    await writeSetting(db, 'catalogUpdateCheck', kept);
    expect((await updates.status()).lastCheck).toEqual(kept);
  });

  it('say so when the server cannot be reached, and keep the catalog', async () => {
    const { updates, fetch, catalog } = setup();
    fetch.calls.length = 0;
    const failing = createCatalogUpdates({
      db: openDatabase(`catalog-test-${crypto.randomUUID()}`),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => 0,
      crypto,
      catalog,
      source,
    });
    await failing.refreshIfDue();
    expect((await failing.status()).lastCheck).toMatchObject({
      outcome: 'failed',
    });
    expect((await failing.status()).lastCheck).not.toHaveProperty('status');
    expect(catalog.presets()).toBe(PROVIDER_PRESETS);
    expect(await updates.status()).toMatchObject({ source: 'built-in' });
  });

  it('turned off: nothing is fetched and the built-in catalog is used', async () => {
    const { served, fetch, updates, rpmInUse, nextDay } = setup();
    served.text = await signed(payloadWith(groqRpm(2)));
    await updates.refreshIfDue();
    expect(rpmInUse()).toBe(2);

    expect(await updates.setEnabled(false)).toMatchObject({
      source: 'built-in',
      updates: { enabled: false },
    });
    nextDay();
    await updates.refreshIfDue();

    expect(fetch.calls).toHaveLength(1);
    expect(rpmInUse()).toBe(30);
  });

  it('without an address and a key built in, never fetch', async () => {
    const { fetch, updates } = setup({ withSource: false });
    await updates.refreshIfDue();
    expect(fetch.calls).toHaveLength(0);
    expect(await updates.status()).toMatchObject({ source: 'built-in', updates: { url: null } });
  });

  it('keep the accepted update across restarts, checked again on load', async () => {
    const first = setup();
    first.served.text = await signed(payloadWith(groqRpm(2)));
    await first.updates.refreshIfDue();

    const restarted = setup({ db: first.db });
    await restarted.updates.load();
    expect(restarted.rpmInUse()).toBe(2);
    expect(restarted.fetch.calls).toHaveLength(0);

    const row = await first.db.settings.get('catalogUpdate');
    const kept = row?.value as { envelope: string; url: string };
    const envelope = JSON.parse(kept.envelope) as { payload: string; signature: string };
    const raised = { ...envelope, payload: envelope.payload.replace('"value":2,', '"value":5000,') };
    expect(raised.payload).not.toBe(envelope.payload);
    await first.db.settings.put({
      id: 'catalogUpdate',
      value: { ...kept, envelope: JSON.stringify(raised) },
    });
    const tampered = setup({ db: first.db });
    await tampered.updates.load();
    expect(tampered.rpmInUse()).toBe(30);
  });
});

/** An engine whose catalog address serves `update` and whose providers all answer. */
async function engineServing(update: string) {
  const fetch = createFakeFetch((call) =>
    call.url === CATALOG_URL
      ? new Response(update)
      : jsonResponse({
          id: 'c',
          object: 'chat.completion',
          created: 1,
          model: String(call.body.model),
          choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
        }),
  );
  const engine = createEngine({
    fetch,
    now: () => Date.parse(dayAfterBuiltIn(15)),
    db: openDatabase(`catalog-engine-${crypto.randomUUID()}`),
    crypto,
    catalogUpdates: source,
  });
  await engine.keys.add({ providerId: 'groq', secret: 'gsk_aaaaaaaaaaaa' });
  await engine.catalog.refreshIfDue();
  return engine;
}

describe('the catalog in use', () => {
  it("takes a model's speed tier from the update over the guess from its name", () => {
    const catalog = createCurrentCatalog();
    const tierOf120b = () =>
      modelSourceOf(catalog)
        .models('groq')
        .find((model) => model.id === GROQ_DEFAULT)?.tier;
    expect(tierOf120b()).toBe('smart');

    const payload = payloadWith((changed) => {
      const model = groqOf(changed).models.find((entry) => entry.id === GROQ_DEFAULT);
      if (model) model.tier = 'fast';
    });
    catalog.use({ payload: catalogUpdatePayloadSchema.parse(payload), url: CATALOG_URL });

    expect(tierOf120b()).toBe('fast');
  });
});

describe('the engine with a catalog update', () => {
  it('routes `auto` to the default model the update names', async () => {
    const engine = await engineServing(
      await signed(
        payloadWith((payload) => {
          groqOf(payload).defaultModel = 'openai/gpt-oss-20b';
        }),
      ),
    );

    const answer = await engine.chat(ask('hi'), { kind: 'extension' });

    expect(answer).toMatchObject({ status: 200, headers: { 'x-freellm-model': 'openai/gpt-oss-20b' } });
    expect((await engine.providers.list()).find((provider) => provider.id === 'groq')?.defaultModel).toBe(
      'openai/gpt-oss-20b',
    );
  });

  it('obeys the limit the update sets', async () => {
    const engine = await engineServing(await signed(payloadWith(groqRpm(1))));

    expect(await engine.chat(ask('first'), { kind: 'extension' })).toMatchObject({ status: 200 });
    expect(await engine.chat(ask('second'), { kind: 'extension' })).toMatchObject({
      status: 429,
      body: { error: { code: 'all_providers_rate_limited' } },
    });
  });
});
