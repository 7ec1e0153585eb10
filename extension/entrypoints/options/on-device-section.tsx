import { useEffect, useState } from 'preact/hooks';
import type { KeyListing } from '../../../shared/engine/create-engine';
import type { OnDeviceStatus } from '../../../shared/providers/on-device/on-device-model';
import { ON_DEVICE_PROVIDER_ID } from '../../../shared/providers/on-device/on-device-provider';
import { callBackground } from '../../lib/ui-client';
import { t, type MessageKey } from '../../../shared/i18n/t';
import { messageWith } from '../../../shared/ui/message-with';

/** How often the download's progress is read while it runs. */
const PROGRESS_POLL_MS = 1_000;

const STATE_WORDS: Record<Exclude<OnDeviceStatus['state'], 'unsupported'>, MessageKey> = {
  available: 'onDeviceAvailable',
  downloadable: 'onDeviceCanRun',
  downloading: 'onDeviceDownloadingNow',
  unavailable: 'onDeviceUnavailable',
};

interface Props {
  keys: KeyListing[];
  onChange: () => Promise<void>;
}

/** Chrome's built-in model: whether it can run here, its download (only when asked), and turning it on. */
export function OnDeviceSection({ keys, onChange }: Props) {
  const [status, setStatus] = useState<OnDeviceStatus | undefined>();
  const [error, setError] = useState<string | undefined>();
  const read = () => callBackground('onDevice.status').then(setStatus);
  useEffect(() => void read(), []);
  useEffect(() => {
    if (status?.state !== 'downloading') return;
    const timer = setInterval(() => void read(), PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [status?.state]);
  const failure = (status && 'error' in status ? status.error : undefined) ?? error;
  const on = keys.some((key) => key.providerId === ON_DEVICE_PROVIDER_ID);

  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      await read();
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  };

  return (
    <section class="card" aria-labelledby="on-device-title" data-testid="on-device-section">
      <div class="card-head">
        <h2 id="on-device-title">{t('onDeviceTitleLong')}</h2>
        <p class="muted">{messageWith('onDeviceIntro', <code>on-device/gemini-nano</code>)}</p>
      </div>
      {status && (
        <p data-testid="on-device-state">
          {status.state === 'unsupported' ? status.reason : t(STATE_WORDS[status.state])}
          {on && ` ${t('onDeviceIsOn')}`}
        </p>
      )}
      {status?.state === 'downloading' && (
        <progress
          max={1}
          value={status.progress ?? 0}
          aria-label={t('onDeviceDownloadProgress')}
          data-testid="on-device-progress"
        />
      )}
      {status?.state === 'downloadable' && (
        <button
          type="button"
          class="primary"
          onClick={() => void act(() => callBackground('onDevice.download'))}
        >
          {t('onDeviceDownload')}
        </button>
      )}
      {status?.state === 'available' && !on && (
        <button
          type="button"
          class="primary"
          onClick={() =>
            void act(async () => {
              await callBackground('keys.add', { providerId: ON_DEVICE_PROVIDER_ID, secret: '' });
              await onChange();
            })
          }
        >
          {t('turnOn')}
        </button>
      )}
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
