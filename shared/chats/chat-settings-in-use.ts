/**
 * @module A conversation's settings in use: the fields they add to each request, and the words
 * the chat shows for them while their panel is closed.
 */
import type { ChatMessage } from '../openai/chat';
import type { ChatSettings } from './chat-settings';

/** The request fields `settings` add to a chat completion: the system prompt goes first. */
export function requestFieldsOf(
  messages: ChatMessage[],
  settings: ChatSettings,
): { messages: ChatMessage[]; temperature?: number; max_tokens?: number } {
  return {
    messages: settings.system ? [{ role: 'system', content: settings.system }, ...messages] : messages,
    ...(settings.temperature !== undefined && { temperature: settings.temperature }),
    ...(settings.maxTokens !== undefined && { max_tokens: settings.maxTokens }),
  };
}

/** A few words for the settings' closed panel: what differs from the provider's defaults. */
export function settingsSummary(settings: ChatSettings): string {
  return [
    settings.system && 'system prompt',
    settings.temperature !== undefined && `temperature ${settings.temperature}`,
    settings.maxTokens !== undefined && `max ${settings.maxTokens.toLocaleString('en')} tokens`,
  ]
    .filter(Boolean)
    .join(' · ');
}
