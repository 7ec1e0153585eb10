/**
 * @module Which conversation is open, and the way to another: a picker of the kept ones, a new
 * one, renaming and deleting the open one (deleting asks first: nothing brings it back).
 */
import { useState } from 'preact/hooks';
import type { Conversations } from './use-conversations';
import './conversation-bar.css';
import { t } from '../i18n/t';

type Mode = 'pick' | 'rename' | 'confirm-delete';

export function ConversationBar({ conversations }: { conversations: Conversations }) {
  const { open, list } = conversations;
  const [mode, setMode] = useState<Mode>('pick');
  const [title, setTitle] = useState('');
  if (!open) return null;
  const kept = list.find((chat) => chat.id === open.id);
  const openTitle = kept?.title ?? t('chatNew');
  if (mode === 'rename') {
    return (
      <form
        class="conversation-bar"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) conversations.rename(title.trim());
          setMode('pick');
        }}
      >
        <input
          aria-label={t('conversationName')}
          value={title}
          maxLength={200}
          autoFocus
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
        <span class="conversation-actions">
          <button type="submit" class="ghost">
            {t('save')}
          </button>
          <button type="button" class="ghost" onClick={() => setMode('pick')}>
            {t('cancel')}
          </button>
        </span>
      </form>
    );
  }
  if (mode === 'confirm-delete') {
    return (
      <div class="conversation-bar" role="group" aria-label={t('deleteConversationQuestion')}>
        <span class="conversation-question">{t('deleteConversationNamed', openTitle)}</span>
        <span class="conversation-actions">
          <button
            type="button"
            class="ghost danger"
            autoFocus
            onClick={() => {
              conversations.remove();
              setMode('pick');
            }}
          >
            {t('delete')}
          </button>
          <button type="button" class="ghost" onClick={() => setMode('pick')}>
            {t('keep')}
          </button>
        </span>
      </div>
    );
  }
  return (
    <div class="conversation-bar">
      <select
        aria-label={t('conversation')}
        value={open.id}
        onChange={(event) => conversations.switchTo(event.currentTarget.value)}
      >
        {!kept && <option value={open.id}>{t('chatNew')}</option>}
        {list.map((chat) => (
          <option key={chat.id} value={chat.id}>
            {chat.title ?? t('chatNew')}
          </option>
        ))}
      </select>
      <span class="conversation-actions">
        <button type="button" class="ghost" disabled={!kept} onClick={conversations.startNew}>
          {t('chatNew')}
        </button>
        <button
          type="button"
          class="ghost"
          disabled={!kept}
          onClick={() => {
            setTitle(openTitle);
            setMode('rename');
          }}
        >
          {t('rename')}
        </button>
        <button type="button" class="ghost" disabled={!kept} onClick={() => setMode('confirm-delete')}>
          {t('delete')}
        </button>
      </span>
    </div>
  );
}
