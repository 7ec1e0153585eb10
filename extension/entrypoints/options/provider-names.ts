/**
 * @module The name the options page shows for a provider id: the catalog's or the user's name for
 * it, the id only when it is unknown (a removed endpoint). One function, so every place names
 * providers alike.
 */
import type { ProviderSummary } from '../../../shared/providers/provider-directory';

export const providerNameOf =
  (providers: ProviderSummary[]) =>
  (id: string): string =>
    providers.find((provider) => provider.id === id)?.name ?? id;
