/**
 * @module The major versions the snippets import from esm.sh: the ones FreeLLM's own tests run
 * (package.json), so a snippet never names an API its library no longer has.
 */
export const SNIPPET_LIBRARY_VERSIONS = {
  openai: '6',
  ai: '7',
  '@ai-sdk/openai-compatible': '3',
  '@langchain/openai': '1',
} as const;

export type SnippetLibrary = keyof typeof SNIPPET_LIBRARY_VERSIONS;

/** Where a module script or the devtools console can import `library` from, no bundler needed. */
export function esmUrl(library: SnippetLibrary): string {
  return `https://esm.sh/${library}@${SNIPPET_LIBRARY_VERSIONS[library]}`;
}
