import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CHAT_SNIPPETS } from './chat-snippets';
import { SNIPPET_LIBRARY_VERSIONS } from './library-versions';
import type { SnippetRequest } from './snippet-request';

const HOSTILE = `'"\`; alert(1); //\n</script><script>alert(2)</script>\u2028\${document.cookie}\\`;

const request = (content: string): SnippetRequest => ({
  model: 'groq/llama-3.3-70b-versatile',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content },
  ],
  temperature: 0.2,
  max_tokens: 64,
  stop: ['END'],
  seed: 7,
});

function parse(code: string) {
  const file = ts.createSourceFile('snippet.mjs', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const kinds: ts.SyntaxKind[] = [];
  const strings: string[] = [];
  const visit = (node: ts.Node) => {
    kinds.push(node.kind);
    if (ts.isStringLiteral(node)) strings.push(node.text);
    node.forEachChild(visit);
  };
  visit(file);
  const { parseDiagnostics } = file as unknown as { parseDiagnostics: ts.Diagnostic[] };
  return { kinds, strings, errors: parseDiagnostics.map((diagnostic) => diagnostic.messageText) };
}

describe.each(CHAT_SNIPPETS.map((snippet) => [snippet.label, snippet] as const))(
  '%s snippet',
  (_, snippet) => {
    it('keeps a hostile prompt inside its string', () => {
      const hostile = parse(snippet.code(request(HOSTILE)));
      const plain = parse(snippet.code(request('Hello')));
      expect(hostile.errors).toEqual([]);
      // The same program: the prompt added no statement, call or property of its own.
      expect(hostile.kinds).toEqual(plain.kinds);
      expect(hostile.strings).toContain(HOSTILE);
      expect(snippet.code(request(HOSTILE))).not.toMatch(/<\/script|\u2028/i);
    });

    it('names the model, every message and the parameters', () => {
      const { strings } = parse(snippet.code(request('Hello')));
      expect(strings).toEqual(
        expect.arrayContaining(['groq/llama-3.3-70b-versatile', 'Be brief.', 'Hello', 'END']),
      );
      expect(snippet.code(request('Hello'))).toMatch(/0\.2/);
      expect(snippet.code(request('Hello'))).toMatch(/\b64\b/);
    });
  },
);

describe('the fetch snippet', () => {
  it('sends the request through window.freellm and streams the answer into the page', async () => {
    const sent: { url: string; body: unknown }[] = [];
    const chunk = (content: string) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
    const freellm = {
      baseURL: 'https://freellm.invalid/v1',
      requestAccess: async () => ({ granted: true, scope: 'always' }),
      fetch: async (url: string, init: RequestInit) => {
        sent.push({ url, body: JSON.parse(init.body as string) });
        return new Response(`${chunk('Hi ')}${chunk('there')}data: [DONE]\n\n`);
      },
    };
    const output = { textContent: '', style: {} };
    const document = { body: { appendChild: () => output }, createElement: () => ({}) };
    const code = CHAT_SNIPPETS.find((snippet) => snippet.id === 'fetch')!.code(request(HOSTILE));
    const AsyncFunction = (async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;
    await new AsyncFunction('window', 'document', code)({ freellm }, document);
    expect(sent).toEqual([
      {
        url: 'https://freellm.invalid/v1/chat/completions',
        body: { ...request(HOSTILE), stream: true },
      },
    ]);
    expect(output.textContent).toBe('Hi there');
  });
});

it('imports the major versions of the libraries FreeLLM tests with', () => {
  const { devDependencies } = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as {
    devDependencies: Record<string, string>;
  };
  for (const [library, major] of Object.entries(SNIPPET_LIBRARY_VERSIONS))
    expect(devDependencies[library]?.split('.')[0], library).toBe(major);
});
