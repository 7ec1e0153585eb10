import { findPreset } from '../../shared/catalog/provider-presets';

/** A provider as people know it ("Groq"); a provider the catalog does not know (a custom endpoint) by its id. */
export const providerNameOf = (providerId: string) => findPreset(providerId)?.name ?? providerId;
