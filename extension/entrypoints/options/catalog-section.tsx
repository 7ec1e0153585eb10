/**
 * @module The options page's catalog: which one is in use (its date, built-in or an update from
 * an address), what the last update attempt gave in plain words, and the switch for updates.
 */
import { useEffect, useState } from 'preact/hooks';
import { BUILT_IN_SOURCE } from '../../../shared/catalog/current-catalog';
import type { CatalogStatus } from '../../../shared/catalog/updates/catalog-updates';
import { callBackground } from '../../lib/ui-client';
import './catalog-section.css';
import { catalogCheckWords } from './catalog-check-words';
import { useAction } from './use-action';
import { t } from '../../../shared/i18n/t';

function sourceWords(status: CatalogStatus): string {
  return status.source === BUILT_IN_SOURCE ? t('catalogBuiltIn') : t('catalogUpdateFrom', status.source);
}

function updatesWords(status: CatalogStatus): string {
  if (status.updates.url === null) return t('catalogNoUpdateAddress');
  if (!status.updates.enabled) return t('catalogUpdatesOff');
  const last = status.lastCheck;
  if (!last) return t('catalogNotChecked', status.updates.url);
  return t(
    'catalogLastChecked',
    new Date(last.at).toLocaleString(),
    catalogCheckWords(last, status.updates.url),
  );
}

export function CatalogSection() {
  const [status, setStatus] = useState<CatalogStatus | undefined>();
  const { busy, error, run } = useAction();

  useEffect(() => {
    void run(async () => setStatus(await callBackground('catalog.status')));
  }, []);

  const toggle = (enabled: boolean) =>
    run(async () => setStatus(await callBackground('catalog.setUpdatesEnabled', { enabled })));

  return (
    <section class="card catalog" aria-labelledby="catalog-title">
      <div class="card-head">
        <h2 id="catalog-title">{t('catalogTitle')}</h2>
        <p class="muted">{t('catalogIntro')}</p>
      </div>
      {status && (
        <>
          <p data-testid="catalog-in-use">{t('catalogInUse', status.date, sourceWords(status))}</p>
          <p
            data-testid="catalog-last-check"
            class={status.lastCheck?.outcome === 'refused' ? 'field-error' : 'hint'}
          >
            {updatesWords(status)}
          </p>
          {status.updates.url !== null && (
            <label>
              <input
                type="checkbox"
                checked={status.updates.enabled}
                disabled={busy}
                onChange={(event) => void toggle(event.currentTarget.checked)}
              />{' '}
              {t('catalogFetchUpdates')}
            </label>
          )}
        </>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
