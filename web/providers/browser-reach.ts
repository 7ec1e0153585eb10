/**
 * @module Which providers a web page can call by itself: a browser lets a page read another
 * origin's answer only when that origin sends CORS headers, which the catalog records per
 * provider (`browserCors`). The rest need the extension, whose host permissions are not bound by CORS.
 */
import type { ProviderPreset } from '../../shared/catalog/catalog-types';

export type BrowserReach = 'page' | 'unknown' | 'extension-only';

export function browserReachOf(preset: Pick<ProviderPreset, 'browserCors'>): BrowserReach {
  if (!preset.browserCors) return 'unknown';
  return preset.browserCors.value ? 'page' : 'extension-only';
}

/**
 * A `fetch` that never sends a request to a provider known to refuse web pages: the browser
 * would send it (the key included) and only then hide the answer.
 */
export function refusingExtensionOnlyHosts(
  fetch: typeof globalThis.fetch,
  presets: readonly ProviderPreset[],
): typeof globalThis.fetch {
  const refused = new Map(
    presets
      .filter((preset) => browserReachOf(preset) === 'extension-only')
      .map((preset) => [new URL(preset.baseURL.replace(/\{[^}]*\}/g, 'x')).host, preset.name]),
  );
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const name = refused.get(url.host);
    if (name)
      return Promise.reject(
        new TypeError(`${name} does not answer web pages (no CORS headers): it needs the FreeLLM extension.`),
      );
    return fetch(input, init);
  };
}
