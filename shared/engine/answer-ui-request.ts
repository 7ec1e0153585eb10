/** @module Answers the extension pages' management messages from the engine. */
import { envImportChoicesSchema, type EnvImportChoices } from '../keys/env-import';
import { invalidRequest, toFreeLLMError } from '../openai/error';
import { uiRequestSchema, type UiReply, type UiRequest } from '../protocol/ui-messages';
import type { Engine } from './create-engine';

async function dispatch(engine: Engine, request: UiRequest): Promise<unknown> {
  switch (request.type) {
    case 'keys.list': return engine.keys.list();
    case 'keys.add': return engine.keys.add(request);
    case 'keys.remove': return engine.keys.remove(request.id);
    case 'keys.setEnabled': return engine.keys.setEnabled(request.id, request.enabled);
    case 'keys.rename': return engine.keys.rename(request.id, request.label);
    case 'keys.rotate': return engine.keys.rotate(request.id, request.secret);
    case 'keys.reorder': return engine.keys.reorder(request.ids);
    case 'env.preview': return engine.envImport.preview(request.text, parseChoices(request.choices));
    case 'env.apply': return engine.envImport.apply(request.text, parseChoices(request.choices));
    case 'vault.status': return engine.vault.status();
    case 'vault.setPassphrase': return engine.vault.setPassphrase(request.passphrase, { autoLockMs: request.autoLockMs });
    case 'vault.unlock': return engine.vault.unlock(request.passphrase);
    case 'vault.lock': return engine.vault.lock();
    case 'vault.changePassphrase': return engine.vault.changePassphrase(request.oldPassphrase, request.newPassphrase, { autoLockMs: request.autoLockMs });
    case 'vault.removePassphrase': return engine.vault.removePassphrase(request.passphrase);
    case 'settings.export': return engine.settings.export(request.clearKeys ? { clearKeys: true } : { passphrase: request.passphrase ?? '' });
    case 'settings.import': return engine.settings.import(request.document, { passphrase: request.passphrase });
    case 'providers.list': return engine.providers.list();
    case 'providers.addCustom': return engine.providers.addCustom(request);
    case 'providers.removeCustom': return engine.providers.removeCustom(request.id);
    case 'providers.setBaseURL': return engine.providers.setBaseURLOverride(request.providerId, request.baseURL);
    case 'origins.list': return engine.origins.list();
    case 'origins.allow': return engine.origins.allow(request.origin);
    case 'origins.revoke': return engine.origins.revoke(request.origin);
    case 'origins.configure': return engine.origins.configure(request.origin, request);
    case 'access.pending':
    case 'access.decide':
      throw invalidRequest('Access requests are answered by the extension host.');
    case 'log.list': return engine.requestLog(request.limit);
    case 'health': return engine.health();
    case 'chats.get': return engine.chats.get(request.id);
    case 'chats.save': return engine.chats.save(request.id, request.turns);
    case 'chats.remove': return engine.chats.remove(request.id);
    case 'cache.stats': return engine.cache.stats();
    case 'cache.clear': return engine.cache.clear();
    case 'cache.configure': return engine.cache.configure({ ttlMs: request.ttlMs, maxStoredBytes: request.maxStoredBytes });
    case 'limits.get': return engine.limits.get();
    case 'limits.save': return engine.limits.save(request.limits);
    case 'routing.settings': return engine.routing.settings();
    case 'routing.save': return engine.routing.saveSettings(request.settings);
  }
}

function parseChoices(choices: unknown): EnvImportChoices | undefined {
  if (choices === undefined) return undefined;
  const parsed = envImportChoicesSchema.safeParse(choices);
  if (!parsed.success) throw invalidRequest(`Invalid import choices: ${parsed.error.issues[0]?.message}`, 'choices');
  return parsed.data;
}

export async function answerUiRequest(engine: Engine, message: unknown): Promise<UiReply> {
  // Anything the user does in FreeLLM's own pages counts as activity for the auto-lock.
  engine.vault.touch();
  try {
    const parsed = uiRequestSchema.safeParse(message);
    if (!parsed.success) throw invalidRequest(`Unknown or malformed message: ${parsed.error.issues[0]?.message}`);
    return { ok: true, data: (await dispatch(engine, parsed.data)) ?? null };
  } catch (thrown) {
    return { ok: false, error: toFreeLLMError(thrown).toBody().error };
  }
}
