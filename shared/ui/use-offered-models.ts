/**
 * @module The models a picker offers: `GET /models`, read when the picker opens and again each
 * time it is told they may have changed (keys, endpoints, access).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { listModels, type OfferedModel } from './chat-client';

/** Calls `listener` when the models on offer may have changed; returns how to stop. */
export type SubscribeToModelChanges = (listener: () => void) => () => void;

export function useOfferedModels(
  fetch: typeof globalThis.fetch,
  baseURL: string,
  subscribeToModelChanges?: SubscribeToModelChanges,
): OfferedModel[] {
  const [models, setModels] = useState<OfferedModel[]>([]);
  /** The latest read: an earlier one answering after it must not bring back an older list. */
  const latest = useRef(0);
  useEffect(() => {
    const read = () => {
      const reading = ++latest.current;
      void listModels(fetch, baseURL).then((listed) => {
        if (reading === latest.current) setModels(listed);
      });
    };
    read();
    return subscribeToModelChanges?.(read);
  }, [fetch, baseURL, subscribeToModelChanges]);
  return models;
}
