import { LOCAL_HTTP_HOSTS } from '../../shared/grants/site-origin';

/**
 * Pages offered `window.freellm`: secure sites and local development servers. Plain-http sites
 * on the internet are left out: they could be tampered with in transit.
 */
export const PAGE_MATCHES = ['https://*/*', ...LOCAL_HTTP_HOSTS.map((host) => `http://${host}/*`)];
