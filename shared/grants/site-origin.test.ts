import { describe, expect, it } from 'vitest';
import { siteOriginSchema } from './site-origin';

describe('siteOriginSchema', () => {
  it.each([
    ['example.com', 'https://example.com'],
    ['  example.com/chat?x=1 ', 'https://example.com'],
    ['https://app.example.com:8443/path', 'https://app.example.com:8443'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://127.0.0.1:8080/page/', 'http://127.0.0.1:8080'],
    ['localhost:3000', 'http://localhost:3000'],
  ])('reads %s as %s', (typed, origin) => {
    expect(siteOriginSchema.parse(typed)).toBe(origin);
  });

  it('refuses plain http outside this computer, saying the page API does not run there', () => {
    const parsed = siteOriginSchema.safeParse('http://example.com');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'http://example.com is plain http: FreeLLM offers its page API only to https sites (and to localhost), so a page there could not use it. Use https://example.com.',
    );
  });

  it('refuses what is no site at all', () => {
    expect(siteOriginSchema.safeParse('ftp://example.com').success).toBe(false);
    expect(siteOriginSchema.safeParse('').success).toBe(false);
  });
});
