/**
 * @module The base URL callers hand their OpenAI client: requests under it are answered by the
 * engine (through the extension's fetch shim or an in-page engine), never sent to the network —
 * `.invalid` is a reserved name that no DNS resolves.
 */
export const FREELLM_BASE_URL = 'https://freellm.invalid/v1';
