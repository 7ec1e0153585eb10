/** @module A key test's verdict, from the engine's code, in the user's language. */
import type { KeyCheck, KeyVerdict } from '../../../shared/engine/check-keys';
import { t, type MessageKey } from '../../../shared/i18n/t';

const FAILED: Record<Exclude<KeyVerdict, 'works' | 'error' | 'provider-gone'>, MessageKey> = {
  invalid: 'engineCheckInvalid',
  forbidden: 'engineCheckForbidden',
  'no-credits': 'engineCheckNoCredits',
  'rate-limited': 'engineCheckRateLimited',
  unreachable: 'engineCheckUnreachable',
};

export function keyCheckWords(check: KeyCheck): string {
  const name = check.providerName;
  switch (check.verdict) {
    case 'works':
      return t(
        check.method === 'model-list' ? 'engineCheckWorksByModelList' : 'engineCheckWorksByOneToken',
        name,
      );
    case 'error':
      return t('engineCheckError', name, check.detail ?? '');
    case 'provider-gone':
      return t('engineCheckProviderGone');
    default:
      return t(FAILED[check.verdict], name);
  }
}
