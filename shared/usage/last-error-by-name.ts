/**
 * @module Errors kept from before messages named providers began with the provider's id
 * (`custom-my-laptop-3f2a answered HTTP 401: …`) and stay until the next error replaces them,
 * which for a key that works again is never: the report says them with the provider's name.
 */
import type { ProviderNames } from '../providers/provider-names';
import type { HealthEntry } from './usage-ledger';

export function lastErrorByName(entry: HealthEntry, nameOf: ProviderNames): HealthEntry {
  const { lastError, providerId } = entry;
  if (!lastError?.message.startsWith(`${providerId} `)) return entry;
  const message = nameOf(providerId) + lastError.message.slice(providerId.length);
  return { ...entry, lastError: { ...lastError, message } };
}
