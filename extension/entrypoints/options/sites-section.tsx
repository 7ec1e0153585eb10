import { useState } from 'preact/hooks';
import type { OriginGrant } from '../../../shared/grants/origin-grant';
import { callBackground } from '../../lib/ui-client';
import { FieldError } from '../../../shared/ui/field-error';
import { messageOf } from '../../../shared/ui/message-of';

export function SitesSection({
  origins,
  onChange,
}: {
  origins: OriginGrant[];
  onChange: () => Promise<void>;
}) {
  const [origin, setOrigin] = useState('');
  const [error, setError] = useState<string | undefined>();

  const allow = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      await callBackground('origins.allow', { origin });
      setOrigin('');
      await onChange();
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };

  return (
    <section class="card" aria-labelledby="sites-title">
      <div class="card-head">
        <h2 id="sites-title">Sites allowed to use your keys</h2>
        <p class="muted">
          A site listed here can send chat requests through <code>window.freellm</code>. It never sees your
          keys. Every other site is refused, and embedded frames are refused unless you allow them. Type a
          site as <code>example.com</code>: it means <code>https://example.com</code>.
        </p>
      </div>
      {origins.length === 0 ? (
        <p class="empty">
          No site is allowed yet. Sites can ask with <code>freellm.requestAccess()</code>, or add one below.
        </p>
      ) : (
        <ul class="site-list" aria-label="Allowed sites">
          {origins.map((grant) => (
            <SiteRow key={grant.origin} grant={grant} onChange={onChange} />
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={allow} aria-label="Allow a site">
        <input
          name="origin"
          required
          value={origin}
          onInput={(event) => setOrigin(event.currentTarget.value)}
          placeholder="example.com"
          aria-label="Site origin"
        />
        <button type="submit" class="primary">
          Allow site
        </button>
      </form>
      <FieldError message={error} />
    </section>
  );
}

function SiteRow({ grant, onChange }: { grant: OriginGrant; onChange: () => Promise<void> }) {
  const [error, setError] = useState<string | undefined>();
  const configure = async (change: {
    allowFrames?: boolean;
    limits?: { requestsPerMinute?: number | null; requestsPerDay?: number | null };
  }) => {
    setError(undefined);
    try {
      await callBackground('origins.configure', { origin: grant.origin, ...change });
      await onChange();
    } catch (thrown) {
      setError(messageOf(thrown));
    }
  };
  const limitInput = (label: string, value: number | null, key: 'requestsPerMinute' | 'requestsPerDay') => (
    <label class="limit">
      {label}
      <input
        type="number"
        min={1}
        inputMode="numeric"
        value={value ?? ''}
        placeholder="no limit"
        aria-label={`${label} for ${grant.origin}`}
        onChange={(event) => {
          const raw = event.currentTarget.value.trim();
          void configure({ limits: { [key]: raw === '' ? null : Number(raw) } });
        }}
      />
    </label>
  );
  return (
    <li class="site-row" data-testid="site-row">
      <div class="site-main">
        <span class="site-origin">{grant.origin}</span>
        <span class="muted small">
          {grant.scope === 'always' ? 'always' : `this tab only (${grant.tabIds.length})`} · since{' '}
          {new Date(grant.grantedAt).toLocaleDateString()}
          {grant.usage ? ` · ${grant.usage.dayCount} today` : ''}
          {grant.limits.requestsPerMinute ? ` · max ${grant.limits.requestsPerMinute}/min` : ''}
          {grant.limits.requestsPerDay ? ` · max ${grant.limits.requestsPerDay}/day` : ''}
          {grant.allowFrames ? ' · frames allowed' : ''}
        </span>
      </div>
      <div class="row-actions site-settings">
        {limitInput('Per minute', grant.limits.requestsPerMinute, 'requestsPerMinute')}
        {limitInput('Per day', grant.limits.requestsPerDay, 'requestsPerDay')}
        <label class="switch">
          <input
            type="checkbox"
            checked={grant.allowFrames}
            onChange={(event) => void configure({ allowFrames: event.currentTarget.checked })}
            aria-label={`Allow embedded frames of ${grant.origin}`}
          />
          <span>Frames</span>
        </label>
        <button
          type="button"
          class="ghost danger"
          onClick={async () => {
            await callBackground('origins.revoke', { origin: grant.origin });
            await onChange();
          }}
          aria-label={`Revoke ${grant.origin}`}
        >
          Revoke
        </button>
      </div>
      <FieldError message={error} />
    </li>
  );
}
