/** @module Why the router turned a key off, in the user's language. */
import { t } from '../../../shared/i18n/t';
import type { KeyDisabledBecause } from '../../../shared/usage/key-notice';

export function keyNoticeWords({ refusal, reason }: KeyDisabledBecause, providerName: string): string {
  // A notice stored before refusals were codes has only its English words.
  if (!refusal) return reason ?? '';
  const status = String(refusal.status);
  if (refusal.kind === 'credits_exhausted') return t('engineKeyOutOfCredits', providerName, status);
  return refusal.code
    ? t('engineKeyRejected', providerName, status, refusal.code)
    : t('engineKeyRejectedNoCode', providerName, status);
}
