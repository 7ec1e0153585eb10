/**
 * @module Providers and the user's endpoints as people know them: by name. Ids
 * (`custom-mock-openai-3704f8`) are for routing headers and logs; a screen shows one only for a
 * provider no longer known (an endpoint removed since it answered).
 */

export type ProviderNames = (id: string) => string;

export function providerNamesOf(providers: Iterable<{ id: string; name: string }>): ProviderNames {
  const names = new Map([...providers].map(({ id, name }) => [id, name]));
  return (id) => names.get(id) ?? id;
}
