/**
 * @module The models a picker offers: `GET /models`, read when the picker opens and again each
 * time it is told they may have changed (keys, endpoints, access).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { listModels, type OfferedModel } from './chat-client';

/** Calls `listener` when the models on offer may have changed; returns how to stop. */
export type SubscribeToModelChanges = (listener: () => void) => () => void;

export function useOfferedModels(
  fetch: typeof globalThis.fetch,
  baseURL: string,
  subscribeToModelChanges?: SubscribeToModelChanges,
): OfferedModel[] {
  const [models, setModels] = useState<OfferedModel[]>([]);
  const show = useMemo(() => showingNewest(setModels), []);
  useEffect(() => {
    const read = () => show(listModels(fetch, baseURL));
    read();
    return subscribeToModelChanges?.(read);
  }, [fetch, baseURL, subscribeToModelChanges]);
  return models;
}

/**
 * Shows what each read brings as soon as it comes, unless a later read already came: a slow
 * read (a provider's list taking its time) never brings back an older list over a newer one.
 */
export function showingNewest<T>(show: (value: T) => void): (read: Promise<T>) => void {
  let started = 0;
  let shown = 0;
  return (read) => {
    const reading = ++started;
    void read.then((value) => {
      if (reading < shown) return;
      shown = reading;
      show(value);
    });
  };
}
