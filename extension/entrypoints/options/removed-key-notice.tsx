import { useEffect } from 'preact/hooks';
import { UNDO_REMOVAL_MS } from '../../../shared/keys/stored-key';
import { t } from '../../../shared/i18n/t';

interface Props {
  label: string;
  onUndo: () => void;
  /** The undo window ended: the engine deletes the key for good. */
  onExpire: () => void;
}

/** "Removed …  Undo", for as long as the engine keeps the removed key sealed. */
export function RemovedKeyNotice({ label, onUndo, onExpire }: Props) {
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_REMOVAL_MS);
    return () => clearTimeout(timer);
  }, [label, onExpire]);
  return (
    <p class="removed-key-notice" role="status">
      <span>{t('removedKeyNotice', label, String(UNDO_REMOVAL_MS / 1000))}</span>
      <button type="button" class="ghost small-button" onClick={onUndo}>
        {t('undo')}
      </button>
    </p>
  );
}
