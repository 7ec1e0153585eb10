import { describe, expect, it } from 'vitest';
import { chatCompletionChunkSchema, type ChatCompletionRequest } from '../../openai/chat';
import { FreeLLMError } from '../../openai/error';
import { createFakePromptApi } from '../../testing/fake-prompt-api';
import type { AdapterCall } from '../types';
import { createOnDeviceModel, ON_DEVICE_MODEL } from './on-device-model';

const call: AdapterCall = {
  fetch: () => Promise.reject(new Error('the on-device model never fetches')),
  baseURL: '',
  model: ON_DEVICE_MODEL,
  providerId: 'on-device',
  providerName: 'On-device (Chrome built-in AI)',
  now: () => 1_700_000_000_000,
};

const request: ChatCompletionRequest = {
  model: 'on-device/gemini-nano',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello.' },
    { role: 'user', content: 'What is 2+2?' },
  ],
};

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function refusalOf(promise: Promise<unknown>): Promise<FreeLLMError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(FreeLLMError);
  return thrown as FreeLLMError;
}

describe('the on-device model', () => {
  it('reports a browser without the Prompt API as unsupported, with the reason, and refuses requests', async () => {
    const model = createOnDeviceModel(undefined);
    const status = await model.status();
    expect(status.state).toBe('unsupported');
    expect(status.state === 'unsupported' && status.reason).toMatch(/Chrome 138/);
    const error = await refusalOf(model.adapter.complete(request, call));
    expect(error.toBody().error.message).toMatch(/on-device model cannot answer/);
    expect(await model.adapter.listModels({ ...call, endpoint: '' })).toEqual([]);
  });

  it.each(['unavailable', 'downloadable', 'downloading'] as const)(
    'refuses while the model is %s, without starting a download',
    async (state) => {
      const api = createFakePromptApi(state);
      const model = createOnDeviceModel(api);
      expect((await model.status()).state).toBe(state);
      const error = await refusalOf(model.adapter.stream(request, call));
      expect(error.status).toBe(503);
      expect(error.kind).toBe('overloaded');
      expect(api.sessions).toHaveLength(0);
      expect(api.state).toBe(state);
    },
  );

  it('downloads only when asked, reporting progress until the model is available', async () => {
    const api = createFakePromptApi('downloadable');
    const model = createOnDeviceModel(api);
    expect(await model.status()).toEqual({ state: 'downloadable' });
    expect(await model.download()).toEqual({ state: 'downloading', progress: 0 });
    api.progress(0.42);
    expect(await model.status()).toEqual({ state: 'downloading', progress: 0.42 });
    api.finishDownload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await model.status()).toEqual({ state: 'available' });
    expect(api.sessions.at(-1)?.destroyed).toBe(true);
  });

  it('streams the answer as OpenAI chunks, the conversation given as initial prompts', async () => {
    const api = createFakePromptApi();
    const model = createOnDeviceModel(api);
    const chunks = await collect(await model.adapter.stream(request, call));
    const parsed = chunks.map((chunk) => chatCompletionChunkSchema.parse(chunk));
    expect(parsed[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(parsed.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'Hello from the device.',
    );
    expect(parsed.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(api.sessions[0]).toEqual({
      initialPrompts: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
      ],
      prompts: ['What is 2+2?'],
      destroyed: true,
    });
  });

  it('answers a complete request', async () => {
    const model = createOnDeviceModel(createFakePromptApi());
    const completion = await model.adapter.complete(request, call);
    expect(completion.choices[0]?.message.content).toBe('Hello from the device.');
    expect(completion.model).toBe(ON_DEVICE_MODEL);
  });

  it.each([
    ['QuotaExceededError', 400, 'context_length', 'context_length_exceeded'],
    ['NotAllowedError', 403, 'forbidden', 'NotAllowedError'],
    ['UnknownError', 500, 'server', 'UnknownError'],
  ] as const)('maps a %s refusal to an OpenAI-shaped error', async (name, status, kind, code) => {
    const api = createFakePromptApi();
    api.refuseWith = name;
    const model = createOnDeviceModel(api);
    const error = await refusalOf(collect(await model.adapter.stream(request, call)));
    expect(error.status).toBe(status);
    expect(error.kind).toBe(kind);
    expect(error.toBody()).toEqual({
      error: expect.objectContaining({ code, message: expect.stringContaining('on-device model refused') }),
    });
    expect(api.sessions[0]?.destroyed).toBe(true);
  });

  it('refuses tools instead of ignoring them', async () => {
    const model = createOnDeviceModel(createFakePromptApi());
    const error = await refusalOf(
      model.adapter.complete(
        {
          ...request,
          tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
        },
        call,
      ),
    );
    expect(error.status).toBe(400);
    expect(error.toBody().error.message).toMatch(/cannot use tools/);
  });
});
