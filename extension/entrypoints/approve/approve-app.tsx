import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../lib/ui-client';
import type { AccessDecision } from '../../lib/access-requests';
import { messageOf } from '../../../shared/ui/message-of';

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
      .catch((thrown: unknown) => setError(messageOf(thrown)));
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
        <h1>FreeLLM</h1>
      </div>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {origin && (
        <>
          <h2>Let this site use your AI keys?</h2>
          <p class="origin" data-testid="origin">
            {origin}
          </p>
          <ul class="approve-points">
            <li>
              It can send chat requests through your pooled provider keys, which spends your free-tier quota.
            </li>
            <li>It never sees your keys, your other sites, or your settings.</li>
            <li>You can revoke it, or limit how much it may ask, in FreeLLM’s settings.</li>
          </ul>
          <div class="approve-actions">
            <button type="button" class="primary" onClick={() => decide('always')}>
              Always allow
            </button>
            <button type="button" class="ghost" onClick={() => decide('once')}>
              Allow for this tab
            </button>
            {/* Focus starts on the safe choice, so an Enter pressed by habit grants nothing. */}
            <button type="button" class="ghost danger" autoFocus onClick={() => decide('deny')}>
              Deny
            </button>
          </div>
        </>
      )}
    </div>
  );
}
