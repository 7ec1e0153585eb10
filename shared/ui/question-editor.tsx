/**
 * @module A question being edited in place: sending it asks it again, and what came after it in
 * the conversation (its answer, and any later exchange) is replaced by the new answer.
 */
import { useState } from 'preact/hooks';
import './question-editor.css';
import { t } from '../i18n/t';

interface Props {
  text: string;
  /** Later questions go too, not only this one's answer: said before sending. */
  replacesLater: boolean;
  onSend(text: string): void;
  onCancel(): void;
}

export function QuestionEditor({ text, replacesLater, onSend, onCancel }: Props) {
  const [draft, setDraft] = useState(text);
  const send = (event: Event) => {
    event.preventDefault();
    if (draft.trim()) onSend(draft.trim());
  };
  return (
    <form class="chat-edit" aria-label={t('editQuestion')} onSubmit={send}>
      <textarea
        aria-label={t('question')}
        autoFocus
        rows={3}
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) send(event);
          if (event.key === 'Escape') onCancel();
        }}
      />
      {replacesLater && <p class="chat-edit-note">{t('editReplacesLater')}</p>}
      <div class="chat-edit-actions">
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={!draft.trim()}>
          {t('send')}
        </button>
      </div>
    </form>
  );
}
