/** @module Runtime port names; kept apart from the schemas so the bridge ships no parser. */
export const PAGE_PORT_NAME = 'freellm:request';
