/** Replaced at build time with package.json's version. */
declare const __FREELLM_VERSION__: string;
/** How often the background makes an API call while work is pending (see keep-alive.ts). */
declare const __FREELLM_KEEP_ALIVE_MS__: number;
/** Replaced at build time (scripts/catalog-build-env.ts): where catalog updates come from, '' for none. */
declare const __FREELLM_CATALOG_URL__: string;
/** Replaced at build time: the Ed25519 public key (raw, base64) updates are signed with, '' for none. */
declare const __FREELLM_CATALOG_PUBLIC_KEY__: string;
