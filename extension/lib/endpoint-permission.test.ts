import { describe, expect, it } from 'vitest';
import { hostPermissionPattern } from './endpoint-permission';

describe('hostPermissionPattern', () => {
  it('asks for the host without its port, the only form Firefox honours', () => {
    expect(hostPermissionPattern('http://localhost:36995/v1')).toBe('http://localhost/*');
    expect(hostPermissionPattern('https://api.example.com:8443/openai/v1')).toBe('https://api.example.com/*');
  });

  it('keeps the scheme and an IPv6 host', () => {
    expect(hostPermissionPattern('http://[::1]:11434/v1')).toBe('http://[::1]/*');
    expect(hostPermissionPattern('https://api.groq.com/openai/v1')).toBe('https://api.groq.com/*');
  });

  it('refuses what is not an http(s) URL, in words the form can show', () => {
    expect(() => hostPermissionPattern('api.example.com/v1')).toThrow('Base URL must be an http(s) URL');
    expect(() => hostPermissionPattern('ftp://example.com/')).toThrow('Base URL must be an http(s) URL');
  });
});
