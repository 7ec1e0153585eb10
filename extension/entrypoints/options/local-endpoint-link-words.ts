/**
 * @module The local endpoint's state in words. The background reports it as a reason, so the
 * words are chosen here, in the page's language; only what the browser (an unknown error) or an
 * older host said themselves comes as it was said.
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

function failureWords(link: Extract<LinkState, { state: 'failed' }>): string {
  switch (link.reason) {
    case 'port-in-use':
      return t('localEndpointPortInUse', link.address, String(link.port));
    case 'cannot-listen':
      return t('localEndpointCannotListen', link.address, String(link.port), link.code);
    case 'error':
      return link.message;
    default:
      return t(FAILURE_WORDS[link.reason]);
  }
}

export function linkWords(link: LinkState | undefined): { text: string; ok: boolean } {
  switch (link?.state) {
    case 'listening':
      return { text: t('localEndpointListening', link.address, String(link.port)), ok: true };
    case 'failed':
      return { text: failureWords(link), ok: false };
    case 'connecting':
      return { text: t('localEndpointConnecting'), ok: false };
    default:
      return { text: t('localEndpointOff'), ok: false };
  }
}
