/**
 * Pages offered `window.freellm`: secure sites and local development servers. Plain-http sites
 * on the internet are left out: they could be tampered with in transit.
 */
export const PAGE_MATCHES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
