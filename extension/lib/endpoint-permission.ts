/**
 * A provider's host is called only once the user grants it: a custom endpoint is outside the
 * hosts the manifest declares, and Firefox MV3 treats even declared hosts as opt-in, so adding a
 * key asks for its host. Must run inside the click that asked for it, before any other await.
 */
import { browser } from 'wxt/browser';
import { t } from '../../shared/i18n/t';

/**
 * The pattern for every port of the URL's host. Firefox ignores a port in a pattern: it reports
 * `http://localhost:36995/*` as held yet keeps blocking the fetch. Chromium reads a pattern
 * without a port as any port, so one pattern serves both.
 */
export function hostPermissionPattern(baseURL: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new Error(t('errorBaseUrlNotHttp'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(t('errorBaseUrlNotHttp'));
  return `${url.protocol}//${url.hostname}/*`;
}

export async function requestEndpointPermission(baseURL: string): Promise<void> {
  const pattern = hostPermissionPattern(baseURL);
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted) {
    const host = new URL(baseURL).hostname;
    throw new Error(t('keysHostRefused', host));
  }
}
