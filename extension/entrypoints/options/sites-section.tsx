import { useState } from 'preact/hooks';
import type { OriginGrant } from '../../../shared/grants/origin-grant';
import { callBackground } from '../../lib/ui-client';

export function SitesSection({ origins, onChange }: { origins: OriginGrant[]; onChange: () => Promise<void> }) {
  const [origin, setOrigin] = useState('');
  const [error, setError] = useState<string | undefined>();

  const allow = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      await callBackground({ type: 'origins.allow', origin });
      setOrigin('');
      await onChange();
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  };
  const revoke = async (value: string) => {
    await callBackground({ type: 'origins.revoke', origin: value });
    await onChange();
  };

  return (
    <section class="card" aria-labelledby="sites-title">
      <div class="card-head">
        <h2 id="sites-title">Sites allowed to use your keys</h2>
        <p class="muted">A site listed here can send chat requests through <code>window.freellm</code>. It never sees your keys. Every other site is refused.</p>
      </div>
      {origins.length === 0 ? (
        <p class="empty">No site is allowed yet.</p>
      ) : (
        <ul class="site-list" aria-label="Allowed sites">
          {origins.map((grant) => (
            <li key={grant.origin} class="site-row" data-testid="site-row">
              <span class="site-origin">{grant.origin}</span>
              <span class="muted small">since {new Date(grant.grantedAt).toLocaleDateString()}</span>
              <button type="button" class="ghost danger" onClick={() => revoke(grant.origin)} aria-label={`Revoke ${grant.origin}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={allow} aria-label="Allow a site">
        <input name="origin" required value={origin} onInput={(event) => setOrigin(event.currentTarget.value)} placeholder="https://example.com" aria-label="Site origin" />
        <button type="submit" class="primary">Allow site</button>
      </form>
      {error && <p class="field-error" role="alert">{error}</p>}
    </section>
  );
}
