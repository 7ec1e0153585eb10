import { useEffect, useState } from 'preact/hooks';
import type { KeyListing } from '../../../shared/engine/create-engine';
import type { OnDeviceStatus } from '../../../shared/providers/on-device/on-device-model';
import { ON_DEVICE_PROVIDER_ID } from '../../../shared/providers/on-device/on-device-provider';
import { callBackground } from '../../lib/ui-client';

/** How often the download's progress is read while it runs. */
const PROGRESS_POLL_MS = 1_000;

const STATE_WORDS: Record<Exclude<OnDeviceStatus['state'], 'unsupported'>, string> = {
  available: 'The model is on this computer.',
  downloadable: 'This computer can run it; its model (a few GB) is not downloaded yet.',
  downloading: 'Downloading the model…',
  unavailable: 'This computer cannot run it (not enough memory, disk or GPU).',
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
        <h2 id="on-device-title">On-device model</h2>
        <p class="muted">
          Chrome’s built-in model answers on this computer: private, free, no key. It is small, so FreeLLM
          tries it last, unless a request asks for <code>on-device/gemini-nano</code> or an alias names it.
        </p>
      </div>
      {status && (
        <p data-testid="on-device-state">
          {status.state === 'unsupported' ? status.reason : STATE_WORDS[status.state]}
          {on && ' It is turned on.'}
        </p>
      )}
      {status?.state === 'downloading' && (
        <progress
          max={1}
          value={status.progress ?? 0}
          aria-label="Model download"
          data-testid="on-device-progress"
        />
      )}
      {status?.state === 'downloadable' && (
        <button
          type="button"
          class="primary"
          onClick={() => void act(() => callBackground('onDevice.download'))}
        >
          Download the model
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
          Turn on
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
