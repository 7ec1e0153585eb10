import { useState } from 'preact/hooks';
import type { OriginGrant } from '../../../shared/grants/origin-grant';
import { callBackground } from '../../lib/ui-client';
import { FieldError } from '../../../shared/ui/field-error';
import { errorWords } from '../../../shared/ui/error-words';
import { t, type MessageKey } from '../../../shared/i18n/t';
import { messageWith } from '../../../shared/ui/message-with';

/** How a site is typed (also the field's placeholder), and what it stands for. */
const EXAMPLE_SITE = 'example.com';

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
      setError(errorWords(thrown));
    }
  };

  return (
    <section class="card" aria-labelledby="sites-title">
      <div class="card-head">
        <h2 id="sites-title">{t('sitesTitle')}</h2>
        <p class="muted">
          {messageWith(
            'sitesIntro',
            <code>window.freellm</code>,
            <code>{EXAMPLE_SITE}</code>,
            <code>https://{EXAMPLE_SITE}</code>,
          )}
        </p>
      </div>
      {origins.length === 0 ? (
        <p class="empty">{messageWith('sitesEmpty', <code>freellm.requestAccess()</code>)}</p>
      ) : (
        <ul class="site-list" aria-label={t('sitesList')}>
          {origins.map((grant) => (
            <SiteRow key={grant.origin} grant={grant} onChange={onChange} />
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={allow} aria-label={t('siteAllowForm')}>
        <input
          name="origin"
          required
          value={origin}
          onInput={(event) => setOrigin(event.currentTarget.value)}
          placeholder={EXAMPLE_SITE}
          aria-label={t('siteOrigin')}
        />
        <button type="submit" class="primary">
          {t('siteAllow')}
        </button>
      </form>
      <FieldError message={error} />
    </section>
  );
}

/** How the site is allowed, since when, what it asked today and its limits. */
function grantSummary(grant: OriginGrant): string {
  const { requestsPerMinute, requestsPerDay } = grant.limits;
  return [
    grant.scope === 'always' ? t('siteAlways') : t('siteTabsOnly', String(grant.tabIds.length)),
    t('siteSince', new Date(grant.grantedAt).toLocaleDateString()),
    grant.usage && t('siteToday', String(grant.usage.dayCount)),
    requestsPerMinute && t('siteMaxPerMinute', String(requestsPerMinute)),
    requestsPerDay && t('siteMaxPerDay', String(requestsPerDay)),
    grant.allowFrames && t('siteFramesAllowed'),
  ]
    .filter(Boolean)
    .join(' · ');
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
      setError(errorWords(thrown));
    }
  };
  const limitInput = (
    label: MessageKey,
    value: number | null,
    key: 'requestsPerMinute' | 'requestsPerDay',
  ) => (
    <label class="limit">
      {t(label)}
      <input
        type="number"
        min={1}
        inputMode="numeric"
        value={value ?? ''}
        placeholder={t('noLimit')}
        aria-label={t('siteLimitFor', t(label), grant.origin)}
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
        <span class="muted small">{grantSummary(grant)}</span>
      </div>
      <div class="row-actions site-settings">
        {limitInput('sitePerMinute', grant.limits.requestsPerMinute, 'requestsPerMinute')}
        {limitInput('sitePerDay', grant.limits.requestsPerDay, 'requestsPerDay')}
        <label class="switch">
          <input
            type="checkbox"
            checked={grant.allowFrames}
            onChange={(event) => void configure({ allowFrames: event.currentTarget.checked })}
            aria-label={t('siteAllowFramesOf', grant.origin)}
          />
          <span>{t('siteFrames')}</span>
        </label>
        <button
          type="button"
          class="ghost danger"
          onClick={async () => {
            await callBackground('origins.revoke', { origin: grant.origin });
            await onChange();
          }}
          aria-label={t('siteRevokeNamed', grant.origin)}
        >
          {t('siteRevoke')}
        </button>
      </div>
      <FieldError message={error} />
    </li>
  );
}
