/** The requests in flight per origin, so revoking a site cuts its live streams at once. */
import type { FreeLLMError } from '../../shared/openai/error';

export type CutRequest = (error: FreeLLMError) => void;

export interface ActiveRequests {
  add(origin: string, cut: CutRequest): () => void;
  cutOrigin(origin: string, error: FreeLLMError): number;
}

export function createActiveRequests(): ActiveRequests {
  const byOrigin = new Map<string, Set<CutRequest>>();
  return {
    add(origin, cut) {
      const set = byOrigin.get(origin) ?? new Set();
      set.add(cut);
      byOrigin.set(origin, set);
      return () => {
        set.delete(cut);
        if (set.size === 0) byOrigin.delete(origin);
      };
    },
    cutOrigin(origin, error) {
      const cuts = [...(byOrigin.get(origin) ?? [])];
      cuts.forEach((cut) => cut(error));
      return cuts.length;
    },
  };
}
