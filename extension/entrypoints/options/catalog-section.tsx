/**
 * @module The options page's catalog: which one is in use (its date, built-in or an update from
 * an address), what the last update attempt gave in plain words, and the switch for updates.
 */
import { useEffect, useState } from 'preact/hooks';
import { BUILT_IN_SOURCE } from '../../../shared/catalog/current-catalog';
import type { CatalogStatus } from '../../../shared/catalog/updates/catalog-updates';
import { callBackground } from '../../lib/ui-client';
import './catalog-section.css';
import { useAction } from './use-action';

function sourceWords(status: CatalogStatus): string {
  return status.source === BUILT_IN_SOURCE
    ? 'built into this version of FreeLLM'
    : `an update from ${status.source}`;
}

function updatesWords(status: CatalogStatus): string {
  if (status.updates.url === null) return 'This build has no update address: it uses its built-in catalog.';
  if (!status.updates.enabled) return 'Updates are off: the built-in catalog is used.';
  const last = status.lastCheck;
  if (!last) return `Updates come from ${status.updates.url}, checked at most daily; not checked yet.`;
  return `Last checked ${new Date(last.at).toLocaleString()}: ${last.message}`;
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
        <h2 id="catalog-title">Catalog</h2>
        <p class="muted">
          What FreeLLM knows about each provider's models, limits and defaults. Updates are accepted only when
          signed by FreeLLM's key, and can never change where a key is sent.
        </p>
      </div>
      {status && (
        <>
          <p data-testid="catalog-in-use">
            In use: the catalog of {status.date}, {sourceWords(status)}.
          </p>
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
              Fetch catalog updates
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
