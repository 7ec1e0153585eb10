/**
 * @module A conversation's settings behind a disclosure that says, closed, what is set. The form
 * itself (chat-settings-form.tsx) loads when the disclosure first opens: the popup's first load
 * has a size budget.
 */
import { useState } from 'preact/hooks';
import type { ChatSettings } from '../chats/chat-settings';
import { settingsSummary } from '../chats/chat-settings-in-use';
import { lazyComponent } from './lazy-component';
import { t } from '../i18n/t';

const useSettingsForm = lazyComponent(() =>
  import('./chat-settings-form').then((module) => module.ChatSettingsForm),
);

export function ChatSettingsPanel({
  settings,
  onChange,
}: {
  settings: ChatSettings;
  onChange(settings: ChatSettings): void;
}) {
  const [open, setOpen] = useState(false);
  const Form = useSettingsForm(open);
  const summary = settingsSummary(settings);
  return (
    <details class="chat-settings" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {/* Not "Settings": the popup's header has a Settings button, for the whole extension. */}
        {t('chatSettings')}
        <span class="chat-settings-summary" data-testid="settings-summary">
          {' · '}
          {summary || t('chatSettingsDefaults')}
        </span>
      </summary>
      {open &&
        (Form ? (
          <Form
            settings={settings}
            onSave={(saved) => {
              onChange(saved);
              setOpen(false);
            }}
          />
        ) : (
          <p class="muted small">{t('loading')}</p>
        ))}
    </details>
  );
}
