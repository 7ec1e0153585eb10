import { describe, expect, it } from 'vitest';
import { localEndpointRecipes, localEndpointURL } from './local-endpoint-recipes';

describe('local endpoint recipes', () => {
  it('point every tool at the address with the token and model', () => {
    const recipes = localEndpointRecipes({
      address: '127.0.0.1',
      port: 11440,
      token: 'freellm-abc',
      model: 'auto',
    });
    expect(recipes.map((recipe) => recipe.id)).toEqual([
      'curl',
      'python',
      'openai-npm',
      'claude-code',
      'codex',
    ]);
    for (const recipe of recipes) {
      expect(recipe.text).toContain('freellm-abc');
      expect(recipe.text).toContain('auto');
    }
    const byId = Object.fromEntries(recipes.map((recipe) => [recipe.id, recipe.text]));
    expect(byId['claude-code']).toContain('ANTHROPIC_BASE_URL=http://127.0.0.1:11440\n');
    expect(byId.codex).toContain('base_url = "http://127.0.0.1:11440/v1"');
    expect(byId.codex).toContain('wire_api = "responses"');
    expect(byId.curl).toContain('http://127.0.0.1:11440/v1/chat/completions');
  });

  it('reach a wildcard address on loopback and put IPv6 in brackets', () => {
    expect(localEndpointURL('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080');
    expect(localEndpointURL('::1', 8080)).toBe('http://[::1]:8080');
    expect(localEndpointURL('192.168.1.5', 8080)).toBe('http://192.168.1.5:8080');
  });
});
