/**
 * @module The on-device model among the user's providers: always known (so `on-device/…` is a pin
 * in every browser), keyless, turned on like a local server (an entry with no secret), and
 * refusing with a reason where the browser has no model.
 */
import type { ProviderAdapter } from '../types';
import { ON_DEVICE_PROVIDER_ID } from './classify-on-device-error';
import { ON_DEVICE_MODEL } from './on-device-model';

export { ON_DEVICE_PROVIDER_ID };

export function onDeviceProvider(adapter: ProviderAdapter) {
  return {
    id: ON_DEVICE_PROVIDER_ID,
    name: 'On-device (Chrome built-in AI)',
    family: 'on-device' as const,
    // Nothing leaves the browser: there is no URL.
    baseURL: 'on-device:',
    baseURLOverridden: false,
    defaultModel: ON_DEVICE_MODEL,
    custom: false,
    keyless: true,
    local: true,
    rateLimitHeaders: 'none' as const,
    // Loading the model into memory on a first prompt takes seconds on a laptop.
    firstByteTimeoutMs: 60_000,
    adapter,
  };
}
