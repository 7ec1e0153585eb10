import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/ui-client';
import type { AccessDecision } from '../../lib/access-requests';
import { errorWords } from '../../../shared/ui/error-words';
import { t } from '../../../shared/i18n/t';

/**
 * The approval prompt. The origin shown comes from the background (which read it from the
 * browser), not from this window's URL, so a page cannot make the prompt name another site.
 */
export function ApproveApp({ requestId }: { requestId: string }) {
  const [origin, setOrigin] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    callBackground('access.pending', { requestId })
      .then((details) => setOrigin(details.origin))
      .catch((thrown: unknown) => setError(errorWords(thrown)));
  }, [requestId]);

  const decide = async (decision: AccessDecision) => {
    await callBackground('access.decide', { requestId, decision });
    window.close();
  };

  return (
    <div class="approve">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ◆
        </span>
        <h1>{t('extensionName')}</h1>
      </div>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {origin && (
        <>
          <h2>{t('approveTitle')}</h2>
          <p class="origin" data-testid="origin">
            {origin}
          </p>
          <ul class="approve-points">
            <li>{t('approveSpendsQuota')}</li>
            <li>{t('approveSeesNothing')}</li>
            <li>{t('approveRevocable')}</li>
          </ul>
          <div class="approve-actions">
            <button type="button" class="primary" onClick={() => decide('always')}>
              {t('approveAlways')}
            </button>
            <button type="button" class="ghost" onClick={() => decide('once')}>
              {t('approveOnce')}
            </button>
            {/* Focus starts on the safe choice, so an Enter pressed by habit grants nothing. */}
            <button type="button" class="ghost danger" autoFocus onClick={() => decide('deny')}>
              {t('approveDeny')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
