/**
 * @module The local endpoint's state in words. The background reports it as a reason, so the
 * words are chosen here, in the page's language; only what the host or the browser said
 * themselves (a port in use, an unknown error) comes as it was said.
 */
import { t, type MessageKey } from '../../../shared/i18n/t';
import type { LinkFailure, LinkState } from '../../lib/local-endpoint/local-endpoint-link';

const FAILURE_WORDS: Record<LinkFailure, MessageKey> = {
  'not-installed': 'localEndpointNotInstalled',
  forbidden: 'localEndpointForbidden',
  exited: 'localEndpointExited',
  busy: 'localEndpointBusy',
  closed: 'localEndpointClosed',
};

export function linkWords(link: LinkState | undefined): { text: string; ok: boolean } {
  switch (link?.state) {
    case 'listening':
      return { text: t('localEndpointListening', link.address, String(link.port)), ok: true };
    case 'failed':
      return { text: 'message' in link ? link.message : t(FAILURE_WORDS[link.reason]), ok: false };
    case 'connecting':
      return { text: t('localEndpointConnecting'), ok: false };
    default:
      return { text: t('localEndpointOff'), ok: false };
  }
}
