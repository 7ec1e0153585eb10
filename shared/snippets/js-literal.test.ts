import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsString, jsValue } from './js-literal';

const evaluate = (source: string): unknown => new Function(`return ${source};`)() as unknown;

describe('jsString', () => {
  it('reads back as the very text, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(evaluate(jsString(text))).toBe(text);
      }),
    );
  });

  it('cannot end a script element, a comment or a line', () => {
    const literal = jsString("'; alert(1); '</script><!-- \u2028\u2029\r\n");
    expect(literal).not.toMatch(/<|[\n\r\u2028\u2029]/);
    expect(literal).toBe("'\\'; alert(1); \\'\\x3C/script>\\x3C!-- \\u2028\\u2029\\r\\n'");
  });
});

describe('jsValue', () => {
  it('writes messages one a line, with bare keys', () => {
    expect(jsValue([{ role: 'user', content: 'Hi' }], '  ')).toBe(
      "[\n    { role: 'user', content: 'Hi' },\n  ]",
    );
    expect(jsValue({ 'a-b': ['x', 1], ok: true })).toBe("{ 'a-b': ['x', 1], ok: true }");
  });
});
