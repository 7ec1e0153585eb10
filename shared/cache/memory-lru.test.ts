import { describe, expect, it } from 'vitest';
import { createMemoryLru } from './memory-lru';

describe('memory LRU', () => {
  it('stays under its byte cap by dropping the least recently used', () => {
    const lru = createMemoryLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A');
    lru.set('c', 'C', 40);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['A', undefined, 'C']);
    expect(lru.bytes).toBe(80);
    expect(lru.size).toBe(2);
  });

  it('replaces an entry without counting it twice, and skips one larger than the cap', () => {
    const lru = createMemoryLru<string>(100);
    lru.set('a', 'A', 60);
    lru.set('a', 'A2', 70);
    expect(lru.bytes).toBe(70);
    lru.set('huge', 'H', 101);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('A2');
  });
});
