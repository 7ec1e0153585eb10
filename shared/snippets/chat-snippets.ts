/**
 * @module Code that sends a chat request again from any web page the user allowed, through
 * `window.freellm`: with the official `openai` client, the Vercel AI SDK, LangChain JS, or plain
 * `fetch`. Each runs pasted into a module script or the devtools console (libraries come from
 * esm.sh), asks for access if the site has none, and streams the answer into the page.
 */
import { esmUrl } from './library-versions';
import { jsString, jsValue } from './js-literal';
import { samplingOf, type SnippetRequest } from './snippet-request';

export interface ChatSnippet {
  id: 'openai' | 'ai-sdk' | 'langchain' | 'fetch';
  label: string;
  code(request: SnippetRequest): string;
}

const ACCESS = `const { freellm } = window; // defined by the FreeLLM extension
await freellm.requestAccess(); // an allowed site is answered at once`;

const OUTPUT = `const output = document.body.appendChild(document.createElement('pre'));
output.style.whiteSpace = 'pre-wrap';`;

/** `name: value,` lines for an object literal, two spaces in; undefined values left out. */
function fields(values: Record<string, unknown>, indent = '  '): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${indent}${name}: ${jsValue(value, indent)},\n`)
    .join('');
}

const stopList = (stop: SnippetRequest['stop']) => (typeof stop === 'string' ? [stop] : stop);

const openaiSnippet: ChatSnippet = {
  id: 'openai',
  label: 'openai (JS)',
  code: (
    request,
  ) => `// The official openai client. In a bundled app: npm install openai, import OpenAI from 'openai'.
const { default: OpenAI } = await import(${jsString(esmUrl('openai'))});
${ACCESS}
const client = new OpenAI({
  baseURL: freellm.baseURL,
  apiKey: 'unused', // FreeLLM holds the keys
  fetch: freellm.fetch,
  dangerouslyAllowBrowser: true,
});
const stream = await client.chat.completions.create({
${fields({ model: request.model, messages: request.messages, ...samplingOf(request) })}  stream: true,
});
${OUTPUT}
for await (const chunk of stream) output.textContent += chunk.choices[0]?.delta?.content ?? '';
`,
};

const aiSdkSnippet: ChatSnippet = {
  id: 'ai-sdk',
  label: 'Vercel AI SDK',
  code: (request) => {
    const sampling = samplingOf(request);
    return `// The Vercel AI SDK. In a bundled app: npm install ai @ai-sdk/openai-compatible.
const { streamText } = await import(${jsString(esmUrl('ai'))});
const { createOpenAICompatible } = await import(${jsString(esmUrl('@ai-sdk/openai-compatible'))});
${ACCESS}
const provider = createOpenAICompatible({ name: 'freellm', baseURL: freellm.baseURL, fetch: freellm.fetch });
const result = streamText({
  model: provider(${jsString(request.model)}),
${fields({
  messages: request.messages,
  temperature: sampling.temperature,
  topP: sampling.top_p,
  maxOutputTokens: sampling.max_tokens ?? sampling.max_completion_tokens,
  stopSequences: stopList(sampling.stop),
  seed: sampling.seed,
  frequencyPenalty: sampling.frequency_penalty,
  presencePenalty: sampling.presence_penalty,
})}});
${OUTPUT}
for await (const text of result.textStream) output.textContent += text;
`;
  },
};

const langchainSnippet: ChatSnippet = {
  id: 'langchain',
  label: 'LangChain JS',
  code: (request) => {
    const sampling = samplingOf(request);
    return `// LangChain's ChatOpenAI. In a bundled app: npm install @langchain/openai @langchain/core.
const { ChatOpenAI } = await import(${jsString(esmUrl('@langchain/openai'))});
${ACCESS}
const model = new ChatOpenAI({
${fields({
  model: request.model,
  apiKey: 'unused',
  temperature: sampling.temperature,
  topP: sampling.top_p,
  maxTokens: sampling.max_tokens ?? sampling.max_completion_tokens,
  stop: stopList(sampling.stop),
  frequencyPenalty: sampling.frequency_penalty,
  presencePenalty: sampling.presence_penalty,
  modelKwargs: sampling.seed === undefined ? undefined : { seed: sampling.seed },
})}  configuration: { baseURL: freellm.baseURL, fetch: freellm.fetch, dangerouslyAllowBrowser: true },
});
const stream = await model.stream(${jsValue(request.messages)});
${OUTPUT}
for await (const chunk of stream) output.textContent += chunk.text;
`;
  },
};

const fetchSnippet: ChatSnippet = {
  id: 'fetch',
  label: 'fetch',
  code: (
    request,
  ) => `// No library: window.freellm.fetch speaks the OpenAI API, streaming as server-sent events.
${ACCESS}
const response = await freellm.fetch(\`\${freellm.baseURL}/chat/completions\`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
${fields({ model: request.model, messages: request.messages, ...samplingOf(request) }, '    ')}    stream: true,
  }),
});
if (!response.ok) throw new Error((await response.json()).error.message);
${OUTPUT}
const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
let buffer = '';
for (let read = await reader.read(); !read.done; read = await reader.read()) {
  const events = (buffer += read.value).split('\\n\\n');
  buffer = events.pop();
  for (const event of events) {
    const data = event.replace(/^data: /, '');
    if (data !== '[DONE]') output.textContent += JSON.parse(data).choices[0]?.delta?.content ?? '';
  }
}
`,
};

export const CHAT_SNIPPETS: readonly ChatSnippet[] = [
  openaiSnippet,
  aiSdkSnippet,
  langchainSnippet,
  fetchSnippet,
];
