/** Replaced at build time with package.json's version. */
declare const __FREELLM_VERSION__: string;
/** How often the background makes an API call while work is pending (see keep-alive.ts). */
declare const __FREELLM_KEEP_ALIVE_MS__: number;
