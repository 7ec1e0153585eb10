import { describe, expect, it, vi } from 'vitest';
import { PROVIDER_PRESETS, findPreset } from '../../shared/catalog/provider-presets';
import { browserReachOf, refusingExtensionOnlyHosts } from './browser-reach';

const preset = (id: string) => {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
};

describe('which providers a web page can call', () => {
  it('is read from the catalog, unknown where it says nothing', () => {
    expect(browserReachOf(preset('groq'))).toBe('page');
    expect(browserReachOf(preset('nvidia'))).toBe('extension-only');
    expect(browserReachOf(preset('cloudflare'))).toBe('extension-only');
    expect(browserReachOf(preset('cerebras'))).toBe('unknown');
  });

  it('never sends a request to a provider that needs the extension, keys and all', async () => {
    const inner = vi.fn(async () => new Response('{}'));
    const guarded = refusingExtensionOnlyHosts(inner, PROVIDER_PRESETS);
    const nvidia = `${preset('nvidia').baseURL}/chat/completions`;
    const cloudflare = 'https://api.cloudflare.com/client/v4/accounts/abc/ai/v1/chat/completions';
    await expect(guarded(nvidia, { headers: { authorization: 'Bearer nvapi-x' } })).rejects.toThrow(
      'NVIDIA NIM does not answer web pages',
    );
    await expect(guarded(new Request(cloudflare))).rejects.toThrow(/needs the FreeLLM extension/);
    expect(inner).not.toHaveBeenCalled();
    await guarded(`${preset('groq').baseURL}/chat/completions`);
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
