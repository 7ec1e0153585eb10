/** Replaced at build time with package.json's version. */
declare const __FREELLM_VERSION__: string;
