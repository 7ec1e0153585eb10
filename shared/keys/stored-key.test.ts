import { describe, expect, it } from 'vitest';
import { maskKey } from './stored-key';

describe('maskKey', () => {
  it.each([
    ['sk-or-v1-0123456789abcdef0123456789abcdefWXYZ', 'sk-or-v1-…WXYZ'],
    ['gsk_0123456789abcdefghijklmnopqrABCD', 'gsk_…ABCD'],
    ['AIzaSyA0123456789abcdefghijklmnopqrs9876', 'AIza…9876'],
    ['sk-ant-api03-0123456789abcdefghijk-4321', 'sk-ant-…4321'],
    ['sk-proj-0123456789abcdefghijkl5555', 'sk-proj-…5555'],
  ])('keeps the known prefix of %s and the last 4', (secret, hint) => {
    expect(maskKey(secret)).toBe(hint);
  });

  it('shows no part of a key without a known prefix but its last 4', () => {
    expect(maskKey('private-part-of-the-secret-0123456789-LAST')).toBe('…LAST');
  });

  it('hides the tail too when fewer than 8 characters would stay hidden', () => {
    expect(maskKey('gsk_short1234')).toBe('gsk_…');
    expect(maskKey('gsk_longer1234567')).toBe('gsk_…4567');
  });
});
