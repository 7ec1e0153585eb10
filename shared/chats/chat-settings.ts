/**
 * @module What a conversation sends with every question besides what was said: a system prompt,
 * a temperature and a limit on the answer's length. Kept with the conversation (sealed), edited
 * in the chat's settings panel, checked here for both. How they go out: chat-settings-in-use.ts
 * (apart, so the popup's first load does without the checks).
 */
import { z } from 'zod';
import { t } from '../i18n/t';

const SYSTEM_LIMIT = 20_000;
const MAX_TOKENS_LIMIT = 1_000_000;
// Worded when a field is wrong, not when this module loads: a page sets its words after its imports.
const SYSTEM_WORDS = { error: () => t('chatSystemTooLong', SYSTEM_LIMIT.toLocaleString('en')) };
const TEMPERATURE_WORDS = { error: () => t('chatTemperatureProblem') };
const MAX_TOKENS_WORDS = { error: () => t('chatMaxTokensProblem', MAX_TOKENS_LIMIT.toLocaleString('en')) };

export const chatSettingsSchema = z.object({
  system: z.string().max(SYSTEM_LIMIT, SYSTEM_WORDS).optional(),
  temperature: z.number(TEMPERATURE_WORDS).min(0, TEMPERATURE_WORDS).max(2, TEMPERATURE_WORDS).optional(),
  maxTokens: z
    .number(MAX_TOKENS_WORDS)
    .int(MAX_TOKENS_WORDS)
    .min(1, MAX_TOKENS_WORDS)
    .max(MAX_TOKENS_LIMIT, MAX_TOKENS_WORDS)
    .optional(),
});
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

/** The settings as typed in the panel's fields. */
export type ChatSettingsFields = Record<keyof ChatSettings, string>;
export type ChatSettingsProblems = Partial<Record<keyof ChatSettings, string>>;

export function fieldsOf(settings: ChatSettings): ChatSettingsFields {
  return {
    system: settings.system ?? '',
    temperature: settings.temperature?.toString() ?? '',
    maxTokens: settings.maxTokens?.toString() ?? '',
  };
}

/** An empty field is no setting (the provider's default); anything else must be valid. */
const numberOf = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/** The settings typed, or what is wrong with each field that is wrong. */
export function settingsOf(
  fields: ChatSettingsFields,
): { settings: ChatSettings; problems?: undefined } | { problems: ChatSettingsProblems } {
  const parsed = chatSettingsSchema.safeParse({
    system: fields.system.trim() === '' ? undefined : fields.system,
    temperature: numberOf(fields.temperature),
    maxTokens: numberOf(fields.maxTokens),
  });
  if (parsed.success) return { settings: parsed.data };
  const problems: ChatSettingsProblems = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ChatSettings;
    problems[field] ??= issue.message;
  }
  return { problems };
}
