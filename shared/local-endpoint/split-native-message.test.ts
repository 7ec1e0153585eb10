import { describe, expect, it } from 'vitest';
import { splitNativeMessage } from './split-native-message';

describe('splitNativeMessage', () => {
  it('cuts a whole JSON answer into a head, data and the end it promised, never inside a surrogate pair', () => {
    const pieces = splitNativeMessage(
      { type: 'head', status: 200, headers: {}, text: 'ab😀cd', end: true },
      3,
    );
    expect(pieces).toEqual([
      { type: 'head', status: 200, headers: {}, text: 'ab', end: false },
      { type: 'data', text: '😀c' },
      { type: 'data', text: 'd' },
      { type: 'end' },
    ]);
  });

  it('leaves a stream head open and a small message whole', () => {
    expect(splitNativeMessage({ type: 'head', status: 200, headers: {}, text: 'abcd' }, 3)).toEqual([
      { type: 'head', status: 200, headers: {}, text: 'abc', end: false },
      { type: 'data', text: 'd' },
    ]);
    expect(splitNativeMessage({ type: 'data', text: 'abc' }, 3)).toEqual([{ type: 'data', text: 'abc' }]);
  });
});
