/** @module Answers the extension pages' management messages from the engine. */
import { invalidRequest, toFreeLLMError } from '../openai/error';
import { uiRequestSchema, type UiReply, type UiRequest } from '../protocol/ui-messages';
import type { Engine } from './create-engine';

async function dispatch(engine: Engine, request: UiRequest): Promise<unknown> {
  switch (request.type) {
    case 'keys.list': return engine.keys.list();
    case 'keys.add': return engine.keys.add(request);
    case 'keys.remove': return engine.keys.remove(request.id);
    case 'keys.setEnabled': return engine.keys.setEnabled(request.id, request.enabled);
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
    case 'cache.stats': return engine.cache.stats();
    case 'cache.clear': return engine.cache.clear();
    case 'routing.settings': return engine.routing.settings();
    case 'routing.save': return engine.routing.saveSettings(request.settings);
  }
}

export async function answerUiRequest(engine: Engine, message: unknown): Promise<UiReply> {
  try {
    const parsed = uiRequestSchema.safeParse(message);
    if (!parsed.success) throw invalidRequest(`Unknown or malformed message: ${parsed.error.issues[0]?.message}`);
    return { ok: true, data: (await dispatch(engine, parsed.data)) ?? null };
  } catch (thrown) {
    return { ok: false, error: toFreeLLMError(thrown).toBody().error };
  }
}
