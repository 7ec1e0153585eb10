/**
 * @module Copyable settings for the tools people call the local endpoint from: pure text from the
 * address, the token and a model, so the options page and the playground show the same recipes.
 * Given a chat request (the playground's last one), curl and Python send that request instead of
 * a hello; its text is quoted for the shell and for Python, so no prompt can run as code.
 */
import { samplingOf, type SnippetRequest } from './snippet-request';

export interface Recipe {
  id: 'curl' | 'python' | 'openai-npm' | 'claude-code' | 'codex';
  title: string;
  language: 'shell' | 'python' | 'javascript' | 'toml';
  text: string;
}

export interface RecipeInput {
  address: string;
  port: number;
  token: string;
  /** `auto` lets FreeLLM choose; any id of `GET /models` works. */
  model: string;
  /** The chat request curl and Python send (default: a hello to `model`). */
  request?: SnippetRequest;
}

/** Text inside single quotes for a POSIX shell: a quote closes, is escaped, and reopens. */
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * A JSON value as a Python literal: JSON's strings, numbers, lists and objects are Python's too
 * (true/false/null are not, and a chat request has none). U+2028/2029 are escaped for editors.
 */
const pythonLiteral = (value: unknown) =>
  JSON.stringify(value).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');

/** The URL a client on this machine uses: a wildcard address is reached on loopback; IPv6 in brackets. */
export function localEndpointURL(address: string, port: number): string {
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : address;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

export function localEndpointRecipes({ address, port, token, model, request }: RecipeInput): Recipe[] {
  const base = localEndpointURL(address, port);
  const asked: SnippetRequest = request ?? { model, messages: [{ role: 'user', content: 'Hello!' }] };
  const pythonArguments = Object.entries({
    model: asked.model,
    messages: asked.messages,
    ...samplingOf(asked),
  })
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `    ${name}=${pythonLiteral(value)},`);
  return [
    {
      id: 'curl',
      title: 'curl',
      language: 'shell',
      text: [
        `curl ${base}/v1/chat/completions \\`,
        `  -H "Authorization: Bearer ${token}" \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d ${shellQuoted(JSON.stringify(asked))}`,
      ].join('\n'),
    },
    {
      id: 'python',
      title: 'Python (openai)',
      language: 'python',
      text: [
        'from openai import OpenAI',
        '',
        `client = OpenAI(base_url="${base}/v1", api_key="${token}")`,
        'answer = client.chat.completions.create(',
        ...pythonArguments,
        ')',
        'print(answer.choices[0].message.content)',
      ].join('\n'),
    },
    {
      id: 'openai-npm',
      title: 'JavaScript (openai npm)',
      language: 'javascript',
      text: [
        "import OpenAI from 'openai';",
        '',
        `const client = new OpenAI({ baseURL: '${base}/v1', apiKey: '${token}' });`,
        'const answer = await client.chat.completions.create({',
        `  model: '${model}',`,
        "  messages: [{ role: 'user', content: 'Hello!' }],",
        '});',
        'console.log(answer.choices[0].message.content);',
      ].join('\n'),
    },
    {
      id: 'claude-code',
      title: 'Claude Code',
      language: 'shell',
      text: [
        `export ANTHROPIC_BASE_URL=${base}`,
        `export ANTHROPIC_AUTH_TOKEN=${token}`,
        // Claude Code names Anthropic models; FreeLLM serves whatever these point at.
        `export ANTHROPIC_MODEL=${model}`,
        `export ANTHROPIC_SMALL_FAST_MODEL=${model}`,
        'claude',
      ].join('\n'),
    },
    {
      id: 'codex',
      title: 'Codex (~/.codex/config.toml)',
      language: 'toml',
      text: [
        `# Then: export FREELLM_API_KEY=${token}`,
        `model = "${model}"`,
        'model_provider = "freellm"',
        '',
        '[model_providers.freellm]',
        'name = "FreeLLM"',
        `base_url = "${base}/v1"`,
        'env_key = "FREELLM_API_KEY"',
        'wire_api = "responses"',
      ].join('\n'),
    },
  ];
}
