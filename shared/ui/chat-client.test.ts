import { describe, expect, it } from 'vitest';
import { listModelIds } from './chat-client';
import { createFakeFetch, jsonResponse } from '../testing/fake-fetch';

describe('the chat’s model list', () => {
  it('offers the chat models GET /models lists, not the embedding models', async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse({
        object: 'list',
        data: [
          { id: 'auto', object: 'model' },
          { id: 'bge-m3', object: 'model', type: 'embedding' },
          { id: 'mistral/mistral-small-latest', object: 'model' },
          { id: 'mistral/mistral-embed', object: 'model', type: 'embedding' },
        ],
      }),
    );
    expect(await listModelIds(fetch as typeof globalThis.fetch, 'https://freellm.invalid/v1')).toEqual([
      'auto',
      'mistral/mistral-small-latest',
    ]);
  });
});
