/**
 * Without the extension the playground runs the same engine in the page: keys in this page's
 * own encrypted IndexedDB, calls straight from the page (so only providers that allow browser
 * calls, i.e. send CORS headers, work here; the ones known not to are never sent a request).
 */
import { catalogUpdateSource } from '../shared/catalog/updates/catalog-updates';
import { createEngine, type Engine } from '../shared/engine/create-engine';
import { createEngineFetch } from '../shared/http/engine-fetch';
import { openDatabase } from '../shared/store/database';
import { PROVIDER_PRESETS } from '../shared/catalog/provider-presets';
import type { ChatStore } from '../shared/ui/use-conversations';
import { refusingExtensionOnlyHosts } from './providers/browser-reach';

export interface StandaloneEngine {
  engine: Engine;
  fetch: typeof fetch;
}

/** This page's engine over its own database; nothing is fetched until something asks. */
function createPageEngine(): Engine {
  const engine = createEngine({
    fetch: refusingExtensionOnlyHosts((input, init) => fetch(input, init), PROVIDER_PRESETS),
    now: () => Date.now(),
    db: openDatabase('freellm-playground'),
    crypto: globalThis.crypto,
    // By default the `catalog.json` published beside the playground.
    catalogUpdates: catalogUpdateSource(
      __FREELLM_CATALOG_URL__ || new URL('catalog.json', location.href).href,
      __FREELLM_CATALOG_PUBLIC_KEY__,
    ),
  });
  // Bookkeeping is written a moment after each change; a page being left writes it at once.
  addEventListener('pagehide', () => void engine.settled());
  return engine;
}

export function createStandaloneEngine(): StandaloneEngine {
  const engine = createPageEngine();
  void engine.catalog.refreshIfDue();
  // The page owns this engine, so it calls as the extension's own pages do.
  return { engine, fetch: createEngineFetch(engine, { kind: 'extension' }) };
}

/**
 * With the extension, which answers, the page keeps only its conversations: the same sealed store
 * as standalone mode, without the catalog refresh that only routing needs.
 */
export function createPageChats(): ChatStore {
  return createPageEngine().chats;
}
