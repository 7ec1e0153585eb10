import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { keylessEndpointPresets } from '../../../shared/catalog/provider-presets';
import type { OnDeviceStatus } from '../../../shared/providers/on-device/on-device-model';
import { ON_DEVICE_PROVIDER_ID } from '../../../shared/providers/on-device/on-device-provider';
import type { ProviderSummary } from '../../../shared/providers/provider-directory';
import { requestEndpointPermission } from '../../lib/endpoint-permission';
import { callBackground } from '../../lib/ui-client';
import './zero-key-start.css';
import { t, type MessageKey } from '../../../shared/i18n/t';

/** What the on-device model needs before it can be turned on, in plain words. */
const ON_DEVICE_WORDS: Record<Exclude<OnDeviceStatus['state'], 'available' | 'unsupported'>, MessageKey> = {
  downloadable: 'onDeviceDownloadable',
  downloading: 'onDeviceDownloading',
  unavailable: 'onDeviceUnavailable',
};

interface Props {
  /** Called once a provider is turned on: the pool is no longer empty. */
  onStarted: () => void;
}

/** Offered when the pool is empty: chat without a key, on this computer or through a keyless endpoint. */
export function ZeroKeyStart({ onStarted }: Props) {
  const [onDevice, setOnDevice] = useState<OnDeviceStatus | undefined>();
  const [providers, setProviders] = useState<ProviderSummary[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void callBackground('onDevice.status').then(setOnDevice);
    void callBackground('providers.list').then(setProviders);
  }, []);

  const turnOn = async (providerId: string, baseURL?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      // Firefox lets the user withhold even declared hosts; asked first, inside the click.
      if (baseURL) await requestEndpointPermission(baseURL);
      await callBackground('keys.add', { providerId, secret: '' });
      onStarted();
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="zero-key-start" aria-labelledby="zero-key-title" data-testid="zero-key-start">
      <h2 id="zero-key-title">{t('zeroKeyTitle')}</h2>
      <p class="muted small">{t('zeroKeyIntro')}</p>
      <ul class="zero-key-options">
        <li class="zero-key-option" data-testid="on-device-offer">
          <div>
            <strong>{t('onDeviceTitle')}</strong> <span class="badge">{t('onDeviceBadge')}</span>
            <p class="muted small">{t('onDeviceNote')}</p>
            {onDevice && onDevice.state !== 'available' && (
              <p class="small zero-key-why" data-testid="on-device-status">
                {onDevice.state === 'unsupported' ? onDevice.reason : t(ON_DEVICE_WORDS[onDevice.state])}
              </p>
            )}
          </div>
          {onDevice?.state === 'available' ? (
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => void turnOn(ON_DEVICE_PROVIDER_ID)}
            >
              {t('turnOn')}
            </button>
          ) : (
            onDevice?.state !== 'unsupported' &&
            onDevice?.state !== 'unavailable' && (
              <button type="button" class="ghost" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('settings')}
              </button>
            )
          )}
        </li>
        {keylessEndpointPresets().map((preset) => (
          <li class="zero-key-option" key={preset.id} data-testid={`keyless-offer-${preset.id}`}>
            <div>
              <strong>{preset.name}</strong>
              <p class="muted small">{preset.freeTier.note}</p>
              {preset.freeTier.promptsWarning && (
                <p class="small zero-key-warning">{preset.freeTier.promptsWarning}</p>
              )}
            </div>
            <button
              type="button"
              class="primary"
              disabled={busy}
              aria-label={t('turnOnProvider', preset.name)}
              onClick={() =>
                void turnOn(
                  preset.id,
                  providers.find((provider) => provider.id === preset.id)?.baseURL ?? preset.baseURL,
                )
              }
            >
              {t('turnOn')}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
