/** @module What every family's embedding answer must hold before anyone uses it: one vector per text sent. */
import { malformedUpstream } from './upstream-fetch';
import type { EmbeddingBatch, ProviderIdentity } from './types';

/** The vectors, if there is exactly one per text; a provider that lost or added one sent a malformed answer. */
export function oneVectorPerText(
  vectors: number[][],
  batch: EmbeddingBatch,
  call: ProviderIdentity,
): number[][] {
  if (vectors.length !== batch.texts.length)
    throw malformedUpstream(call, `${vectors.length} embeddings for ${batch.texts.length} inputs`);
  return vectors;
}
