import { describe, expect, it } from 'vitest';
import { PROVIDER_PRESETS } from '../catalog/provider-presets';
import { openDatabase } from '../store/database';
import { createVault } from '../vault/vault';
import { createEnvImport } from './env-import';
import { createKeyRing } from './key-ring';

const providers = {
  list: async () => [
    ...PROVIDER_PRESETS.map(({ id, name }) => ({ id, name })),
    { id: 'custom-local', name: 'Local' },
  ],
};

function setup() {
  const db = openDatabase(`env-import-test-${crypto.randomUUID()}`);
  const vault = createVault(db, crypto, { now: () => 0, iterations: 1_000 });
  const ring = createKeyRing(
    db,
    vault,
    () => 1,
    () => crypto.randomUUID(),
  );
  return { ring, vault, envImport: createEnvImport(ring, providers) };
}

const MIXED = [
  '# FreeLLM keys',
  'GROQ_API_KEY=gsk_groq_secret_a1B2',
  'export CEREBRAS_API_KEY="csk-cerebras-secret-c3D4"',
  '',
  'OPENAI_BASE_URL=https://api.openai.com/v1',
  'GROQ_API_KEY_2=gsk_groq_secret_a1B2',
  'SOMEVENDOR_API_KEY=zzzz_unknown_vendor_key',
  'MISTRAL_API_KEY=short',
  'this line is not an assignment',
  "OPENAI_API_KEY='sk-or-v1-openrouter-in-disguise'",
  'HF_TOKEN=',
].join('\r\n');

describe('.env import', () => {
  it('previews what will be imported and what is skipped and why, with masked hints only', async () => {
    const { envImport } = setup();
    const preview = await envImport.preview(MIXED);
    expect(preview.toImport).toEqual([
      {
        line: 2,
        variable: 'GROQ_API_KEY',
        providerId: 'groq',
        providerName: 'Groq',
        label: 'GROQ_API_KEY',
        hint: 'gsk_…a1B2',
        detectedBy: 'name and prefix',
      },
      {
        line: 3,
        variable: 'CEREBRAS_API_KEY',
        providerId: 'cerebras',
        providerName: 'Cerebras',
        label: 'CEREBRAS_API_KEY',
        hint: 'csk-…c3D4',
        detectedBy: 'name and prefix',
      },
      {
        line: 10,
        variable: 'OPENAI_API_KEY',
        providerId: 'openrouter',
        providerName: 'OpenRouter',
        label: 'OPENAI_API_KEY',
        hint: 'sk-or-v1-…uise',
        detectedBy: 'prefix',
        warning: { code: 'named-for-another', named: 'OpenAI', looksLike: 'OpenRouter' },
      },
    ]);
    expect(preview.skipped.map(({ line, reason }) => [line, reason])).toEqual([
      [5, { code: 'not-a-key' }],
      [6, { code: 'same-as-line', line: 2 }],
      [7, { code: 'provider-unknown' }],
      [8, { code: 'key-too-short' }],
      [9, { code: 'not-an-assignment' }],
      [11, { code: 'empty' }],
    ]);
    expect(preview.skipped.find((entry) => entry.line === 5)?.hint).toBeNull();
    expect(JSON.stringify(preview)).not.toMatch(/secret|unknown_vendor|in-disguise/);
  });

  it("applies the preview with the user's choices: a provider picked by hand and a line left out", async () => {
    const { envImport, ring } = setup();
    const choices = { providers: { '7': 'custom-local' }, exclude: [3] };
    const preview = await envImport.preview(MIXED, choices);
    expect(preview.toImport.map((item) => [item.line, item.providerId, item.detectedBy])).toEqual([
      [2, 'groq', 'name and prefix'],
      [7, 'custom-local', 'you'],
      [10, 'openrouter', 'prefix'],
    ]);
    const { imported } = await envImport.apply(MIXED, choices);
    expect(imported.map((key) => key.providerId)).toEqual(['groq', 'custom-local', 'openrouter']);
    expect(await ring.reveal(imported[1]!.id)).toBe('zzzz_unknown_vendor_key');
  });

  it('skips keys that are already stored, found without listing any secret', async () => {
    const { envImport, ring } = setup();
    await ring.add({ providerId: 'groq', label: 'Mine', secret: 'gsk_groq_secret_a1B2' });
    const preview = await envImport.preview(
      'GROQ_API_KEY=gsk_groq_secret_a1B2\nCEREBRAS_API_KEY=csk-cerebras-secret-c3D4',
    );
    expect(preview.skipped).toEqual([
      {
        line: 1,
        variable: 'GROQ_API_KEY',
        hint: 'gsk_…a1B2',
        reason: { code: 'already-stored', label: 'Mine', hint: 'gsk_…a1B2' },
      },
    ]);
    await envImport.apply('GROQ_API_KEY=gsk_groq_secret_a1B2\nCEREBRAS_API_KEY=csk-cerebras-secret-c3D4');
    expect((await ring.list()).map((key) => key.label)).toEqual(['Mine', 'CEREBRAS_API_KEY']);
  });

  it('skips keys for a provider this engine cannot call', async () => {
    const db = openDatabase(`env-import-test-${crypto.randomUUID()}`);
    const ring = createKeyRing(
      db,
      createVault(db, crypto),
      () => 1,
      () => crypto.randomUUID(),
    );
    const onlyGroq = createEnvImport(ring, { list: async () => [{ id: 'groq', name: 'Groq' }] });
    const preview = await onlyGroq.preview('CEREBRAS_API_KEY=csk-cerebras-secret-c3D4');
    expect(preview).toEqual({
      toImport: [],
      skipped: [
        {
          line: 1,
          variable: 'CEREBRAS_API_KEY',
          hint: 'csk-…c3D4',
          reason: { code: 'provider-unavailable', provider: 'Cerebras' },
        },
      ],
    });
  });

  it('says why a value is not a key, and which line the user left out', async () => {
    const { envImport } = setup();
    const text = [
      `GROQ_API_KEY=gsk_${'x'.repeat(5000)}`,
      'CEREBRAS_API_KEY="csk-has a space"',
      'MISTRAL_API_KEY=mistral-secret-key-1',
    ].join('\n');
    const preview = await envImport.preview(text, { exclude: [3] });
    expect(preview.skipped.map(({ line, reason }) => [line, reason])).toEqual([
      [1, { code: 'key-too-long' }],
      [2, { code: 'key-has-spaces' }],
      [3, { code: 'left-out' }],
    ]);
  });

  it('refuses a provider that does not exist, and stores nothing', async () => {
    const { envImport, ring } = setup();
    await expect(envImport.apply(MIXED, { providers: { '7': 'nope' } })).rejects.toMatchObject({
      status: 400,
      param: 'choices.providers.7',
    });
    expect(await ring.list()).toEqual([]);
  });

  it('says the vault is locked instead of importing', async () => {
    const { envImport, vault, ring } = setup();
    await vault.setPassphrase('locked for import');
    await vault.lock();
    await expect(envImport.apply(MIXED)).rejects.toMatchObject({ status: 423, code: 'vault_locked' });
    expect(await ring.list()).toEqual([]);
  });
});
