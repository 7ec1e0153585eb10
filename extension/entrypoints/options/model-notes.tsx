/**
 * @module What the catalog no longer gets right, in the user's words: a provider's default model
 * it stopped listing (and what `auto` uses instead), and models FreeLLM retired after a second
 * "not found", with the date.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ModelStatus } from '../../../shared/engine/model-status';
import { callBackground } from '../../lib/ui-client';
import './model-notes.css';
import { t } from '../../../shared/i18n/t';
import { messageWith } from '../../../shared/ui/message-with';

/** Live lists are read in the background: the note follows within a few seconds. */
const POLL_MS = 5_000;
const day = (at: number) => new Date(at).toLocaleDateString([], { dateStyle: 'medium' });

export function ReplacedDefaults() {
  const [replaced, setReplaced] = useState<ModelStatus['replaced']>([]);
  useEffect(() => {
    const read = () =>
      callBackground('models.status').then(
        (status) => setReplaced(status.replaced),
        // The routing form says what is wrong with the background; this note just stays away.
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (replaced.length === 0) return null;
  return (
    <ul class="model-notes" aria-label={t('defaultsReplaced')}>
      {replaced.map((note) => (
        <li key={note.providerId} role="status">
          {messageWith(
            'defaultReplaced',
            note.providerName,
            <code>{note.catalogDefault}</code>,
            <code>{note.using}</code>,
          )}
        </li>
      ))}
    </ul>
  );
}

export function RetiredModels({ retired }: { retired: ModelStatus['retired'] }) {
  if (retired.length === 0) return null;
  return (
    <ul class="model-notes" aria-label={t('retiredModels')}>
      {retired.map((model) => (
        <li key={`${model.providerId}/${model.model}`} role="status">
          {messageWith('modelRetired', <code>{model.model}</code>, model.providerName, day(model.at))}
        </li>
      ))}
    </ul>
  );
}
