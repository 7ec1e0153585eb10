import { useCallback, useEffect, useState } from 'preact/hooks';
import type { KeyListing } from '../../../shared/engine/create-engine';
import type { OriginGrant } from '../../../shared/grants/origin-grant';
import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import type { VaultStatus } from '../../../shared/vault/vault';
import { callBackground } from '../../lib/ui-client';
import { DashboardSection } from './dashboard-section';
import { BackupSection } from './backup-section';
import { CatalogSection } from './catalog-section';
import { KeysSection } from './keys-section';
import { LocalEndpointSection } from './local-endpoint-section';
import { OnDeviceSection } from './on-device-section';
import { RequestLogSection } from './request-log-section';
import { SecuritySection } from './security-section';
import { RoutingSection } from './routing-section';
import { SitesSection } from './sites-section';
import './options-app.css';
import { errorWords } from '../../../shared/ui/error-words';
import { t, type MessageKey } from '../../../shared/i18n/t';

export interface OptionsData {
  keys: KeyListing[];
  providers: ProviderSummary[];
  origins: OriginGrant[];
}

/** The page is long: one link per section, in page order, kept in view at the top. */
const SECTION_LINKS: { title: string; label: MessageKey }[] = [
  { title: 'keys-title', label: 'navKeys' },
  { title: 'on-device-title', label: 'navOnDevice' },
  { title: 'dashboard-title', label: 'navUsage' },
  { title: 'routing-title', label: 'navRouting' },
  { title: 'security-title', label: 'navLock' },
  { title: 'sites-title', label: 'navSites' },
  { title: 'local-endpoint-title', label: 'navLocalEndpoint' },
  { title: 'backup-title', label: 'navBackup' },
  { title: 'catalog-title', label: 'navCatalog' },
  { title: 'log-title', label: 'navRequests' },
];

export function OptionsApp() {
  const [data, setData] = useState<OptionsData | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [vault, setVault] = useState<VaultStatus | undefined>();

  const reload = useCallback(async () => {
    try {
      const [keys, providers, origins] = await Promise.all([
        callBackground('keys.list'),
        callBackground('providers.list'),
        callBackground('origins.list'),
      ]);
      setData({ keys, providers, origins });
      setLoadError(undefined);
    } catch (error) {
      setLoadError(errorWords(error));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <div class="page">
      <header class="masthead">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◆
          </span>
          <div>
            <h1>{t('extensionName')}</h1>
            <p class="tagline">{t('optionsTagline')}</p>
          </div>
        </div>
      </header>
      {data && (
        <nav class="section-nav" aria-label={t('optionsSections')}>
          {SECTION_LINKS.map((link) => (
            <a key={link.title} href={`#${link.title}`}>
              {t(link.label)}
            </a>
          ))}
        </nav>
      )}
      {loadError && (
        <p class="banner error" role="alert">
          {loadError}
        </p>
      )}
      {data ? (
        <main class="sections">
          <KeysSection
            keys={data.keys}
            providers={data.providers}
            hasPassphrase={vault?.hasPassphrase}
            onChange={reload}
          />
          <OnDeviceSection keys={data.keys} onChange={reload} />
          <DashboardSection keys={data.keys} providers={data.providers} />
          <RoutingSection keys={data.keys} providers={data.providers} />
          <SecuritySection onStatus={setVault} />
          <SitesSection origins={data.origins} onChange={reload} />
          <LocalEndpointSection />
          <BackupSection onChange={reload} />
          <CatalogSection />
          <RequestLogSection providers={data.providers} />
        </main>
      ) : (
        !loadError && <p class="muted">{t('loading')}</p>
      )}
    </div>
  );
}
