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

  it('send a given chat request from Python, its text as literals no prompt can break out of', () => {
    const hostile = 'say "hi"\\n\'\'\' + __import__("os").system("id") #\u2028next';
    const request = {
      model: 'groq/llama',
      messages: [
        { role: 'system' as const, content: 'Be brief.' },
        { role: 'user' as const, content: hostile },
      ],
      temperature: 0.2,
      max_tokens: 64,
    };
    const python = localEndpointRecipes({
      address: '127.0.0.1',
      port: 11440,
      token: 't',
      model: 'auto',
      request,
    })
      .find((recipe) => recipe.id === 'python')!
      .text.split('\n');
    // Each argument is one line holding one literal; JSON's string syntax is a subset of Python's.
    const argument = (name: string) => {
      const line = python.find((text) => text.startsWith(`    ${name}=`))!;
      return JSON.parse(line.slice(`    ${name}=`.length, -1)) as unknown;
    };
    expect(argument('model')).toBe('groq/llama');
    expect(argument('messages')).toEqual(request.messages);
    expect(argument('temperature')).toBe(0.2);
    expect(argument('max_tokens')).toBe(64);
    expect(python.join('\n')).not.toContain('\u2028');
  });
});
