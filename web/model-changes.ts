/**
 * @module When the playground's pickers (the chat's, the compare's) read `GET /models` again. A
 * page is told nothing of changes made elsewhere (keys or sites in the extension's options, the
 * vault unlocked in its popup, keys added in another tab of this page), so it reads again each
 * time the user comes back to it; and at once after a change made here (a key added, access
 * granted).
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { SubscribeToModelChanges } from '../shared/ui/use-offered-models';

export interface ModelChanges {
  subscribe: SubscribeToModelChanges;
  /** The models may have changed through this page. */
  notify(): void;
}

export function createModelChanges(): ModelChanges {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify: () => listeners.forEach((listener) => listener()),
  };
}

type Events = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
/** The parts of `window` that say when the user leaves the page and comes back. */
export type PageWindow = Events & { document: Events & Pick<Document, 'visibilityState'> };

/**
 * Calls `listener` once each time the user comes back to the page after leaving it: its tab shown
 * again, or its window focused again (a window beside it leaves it visible). Coming back to a tab
 * brings both events: one call. Returns how to stop.
 */
export function onReturnToPage(page: PageWindow, listener: () => void): () => void {
  let away = false;
  const leave = () => (away = true);
  const comeBack = () => {
    if (!away || page.document.visibilityState === 'hidden') return;
    away = false;
    listener();
  };
  const visibilityChanged = () => (page.document.visibilityState === 'hidden' ? leave() : comeBack());
  page.addEventListener('blur', leave);
  page.addEventListener('focus', comeBack);
  page.document.addEventListener('visibilitychange', visibilityChanged);
  return () => {
    page.removeEventListener('blur', leave);
    page.removeEventListener('focus', comeBack);
    page.document.removeEventListener('visibilitychange', visibilityChanged);
  };
}

/** This page's model changes, following the user's returns to it for as long as the page lives. */
export function usePageModelChanges(): ModelChanges {
  const changes = useMemo(createModelChanges, []);
  useEffect(() => onReturnToPage(window, changes.notify), [changes]);
  return changes;
}
