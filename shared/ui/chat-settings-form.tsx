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
        System prompt
        <textarea
          rows={3}
          placeholder="How the model should answer in this conversation"
          {...field('system')}
        />
      </label>
      <FieldError message={problems.system} />
      <div class="chat-settings-numbers">
        <label>
          Temperature
          <input inputMode="decimal" placeholder="0 to 2" {...field('temperature')} />
        </label>
        <label>
          Max tokens
          <input inputMode="numeric" placeholder="no limit" {...field('maxTokens')} />
        </label>
      </div>
      <FieldError message={problems.temperature} />
      <FieldError message={problems.maxTokens} />
      <p class="muted small">Empty fields leave the provider’s defaults. Kept with this conversation.</p>
      <button type="submit" class="primary">
        Save settings
      </button>
    </form>
  );
}
