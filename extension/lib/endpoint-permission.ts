/**
 * A custom endpoint is outside the hosts the manifest declares, so the service worker may only
 * call it once the user grants its origin (an optional host permission). Must run inside the
 * click that asked for it.
 */
import { browser } from 'wxt/browser';

export async function requestEndpointPermission(baseURL: string): Promise<void> {
  let origin: string;
  try {
    origin = new URL(baseURL).origin;
  } catch {
    throw new Error('Base URL must be an http(s) URL such as https://example.com/v1');
  }
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
  if (!granted) throw new Error(`FreeLLM needs your permission to call ${origin}. Try again and choose Allow.`);
}
