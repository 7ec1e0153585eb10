/** @module The fields of a conversation's settings, checked before they are kept. */
import { useState } from 'preact/hooks';
import {
  fieldsOf,
  settingsOf,
  type ChatSettings,
  type ChatSettingsFields,
  type ChatSettingsProblems,
} from '../chats/chat-settings';
import { FieldError } from './field-error';
import './chat-settings-form.css';
import { t } from '../i18n/t';

export interface ChatSettingsFormProps {
  settings: ChatSettings;
  onSave(settings: ChatSettings): void;
}

export function ChatSettingsForm({ settings, onSave }: ChatSettingsFormProps) {
  const [fields, setFields] = useState<ChatSettingsFields>(() => fieldsOf(settings));
  const [problems, setProblems] = useState<ChatSettingsProblems>({});
  const field = (name: keyof ChatSettingsFields) => ({
    value: fields[name],
    'aria-invalid': problems[name] ? true : undefined,
    onInput: (event: { currentTarget: { value: string } }) =>
      setFields({ ...fields, [name]: event.currentTarget.value }),
  });
  return (
    <form
      class="chat-settings-form"
      // The checks below say what is wrong in words; the browser's own bubbles would say it differently.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = settingsOf(fields);
        setProblems(checked.problems ?? {});
        if (!checked.problems) onSave(checked.settings);
      }}
    >
      <label>
        {t('systemPrompt')}
        <textarea rows={3} placeholder={t('systemPromptPlaceholder')} {...field('system')} />
      </label>
      <FieldError message={problems.system} />
      <div class="chat-settings-numbers">
        <label>
          {t('temperature')}
          <input inputMode="decimal" placeholder={t('temperaturePlaceholder')} {...field('temperature')} />
        </label>
        <label>
          {t('maxTokens')}
          <input inputMode="numeric" placeholder={t('maxTokensPlaceholder')} {...field('maxTokens')} />
        </label>
      </div>
      <FieldError message={problems.temperature} />
      <FieldError message={problems.maxTokens} />
      <p class="muted small">{t('chatSettingsNote')}</p>
      <button type="submit" class="primary">
        {t('saveSettings')}
      </button>
    </form>
  );
}
