/**
 * @module Chrome's built-in model as a provider: its availability, the download the user starts
 * (with its progress, kept here while the worker lives), and the adapter the router calls. The
 * adapter never starts a download: a model that is not `available` is refused with a plain reason,
 * so routing moves on.
 */
import type { ChatCompletionChunk, ChatCompletionRequest } from '../../openai/chat';
import { upstreamError, type FreeLLMError } from '../../openai/error';
import { createChunkFactory } from '../openai-chunks';
import type { AdapterCall, ProviderAdapter } from '../types';
import { classifyOnDeviceError, ON_DEVICE_PROVIDER_ID } from './classify-on-device-error';
import { convertToPromptApiInput } from './convert-to-prompt-api-input';
import type { PromptApi, PromptApiAvailability, PromptApiSession } from './prompt-api';

/** The one model the Prompt API serves (Gemini Nano in Chrome); the name is ours. */
export const ON_DEVICE_MODEL = 'gemini-nano';

export type OnDeviceStatus =
  | { state: 'unsupported'; reason: string }
  | { state: PromptApiAvailability; progress?: number; error?: string };

export interface OnDeviceModel {
  status(): Promise<OnDeviceStatus>;
  /** Starts the model's download (only ever on the user's request); answers at once with the new status. */
  download(): Promise<OnDeviceStatus>;
  adapter: ProviderAdapter;
}

const UNSUPPORTED =
  'This browser has no built-in model (the Prompt API): it needs desktop Chrome 138 or later with enough disk and memory; Firefox has none.';

const WHY_NOT: Record<Exclude<PromptApiAvailability, 'available'>, string> = {
  unavailable: 'this device cannot run it',
  downloadable: 'it is not downloaded yet; download it in the options page',
  downloading: 'it is still downloading',
};

function notReady(reason: string): FreeLLMError {
  return upstreamError({
    status: 503,
    kind: 'overloaded',
    provider: ON_DEVICE_PROVIDER_ID,
    code: 'on_device_unavailable',
    message: `The on-device model cannot answer: ${reason}.`,
  });
}

function refuseWhatItCannotDo(request: ChatCompletionRequest): void {
  const needs = [
    request.tools?.length ? 'tools' : undefined,
    request.response_format && request.response_format.type !== 'text' ? 'JSON mode' : undefined,
  ].filter(Boolean);
  if (needs.length > 0)
    throw upstreamError({
      status: 400,
      kind: 'request',
      provider: ON_DEVICE_PROVIDER_ID,
      code: 'unsupported_parameter',
      message: `The on-device model cannot use ${needs.join(' or ')}.`,
    });
}

export function createOnDeviceModel(api: PromptApi | undefined): OnDeviceModel {
  let progress: number | undefined;
  let downloadError: string | undefined;

  async function status(): Promise<OnDeviceStatus> {
    if (!api) return { state: 'unsupported', reason: UNSUPPORTED };
    const state = await api.availability();
    return {
      state,
      ...(state === 'downloading' && progress !== undefined && { progress }),
      ...(downloadError && state !== 'available' && { error: downloadError }),
    };
  }

  async function ready(call: AdapterCall): Promise<PromptApi> {
    if (!api) throw notReady(UNSUPPORTED.replace(/\.$/, ''));
    const state = await api.availability().catch((thrown: unknown) => {
      throw classifyOnDeviceError(thrown);
    });
    if (state !== 'available') throw notReady(WHY_NOT[state]);
    if (call.signal?.aborted) throw call.signal.reason;
    return api;
  }

  /** A session holding the conversation so far, and the turn to answer. */
  async function open(request: ChatCompletionRequest, call: AdapterCall) {
    refuseWhatItCannotDo(request);
    const { initialPrompts, prompt } = convertToPromptApiInput(request);
    const session = await (
      await ready(call)
    )
      .create({ initialPrompts, ...(call.signal && { signal: call.signal }) })
      .catch((thrown: unknown) => {
        throw call.signal?.aborted ? thrown : classifyOnDeviceError(thrown);
      });
    return { session, prompt };
  }

  const base = (call: AdapterCall) => ({
    id: `chatcmpl-on-device-${call.now()}`,
    model: call.model,
    created: Math.floor(call.now() / 1000),
  });

  async function* chunksOf(
    session: PromptApiSession,
    prompt: string,
    call: AdapterCall,
  ): AsyncGenerator<ChatCompletionChunk> {
    const chunks = createChunkFactory(base(call));
    try {
      yield chunks.role();
      for await (const piece of session.promptStreaming(prompt, { signal: call.signal }))
        if (piece) yield chunks.content(piece);
      yield chunks.finish('stop');
    } catch (thrown) {
      throw call.signal?.aborted ? thrown : classifyOnDeviceError(thrown);
    } finally {
      session.destroy();
    }
  }

  const adapter: ProviderAdapter = {
    async complete(request, call) {
      const { session, prompt } = await open(request, call);
      try {
        const text = await session.prompt(prompt, { signal: call.signal });
        return {
          ...base(call),
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        };
      } catch (thrown) {
        throw call.signal?.aborted ? thrown : classifyOnDeviceError(thrown);
      } finally {
        session.destroy();
      }
    },
    async stream(request, call) {
      const { session, prompt } = await open(request, call);
      return chunksOf(session, prompt, call);
    },
    async listModels() {
      const current = await status();
      return current.state === 'available' ? [{ id: ON_DEVICE_MODEL, ownedBy: ON_DEVICE_PROVIDER_ID }] : [];
    },
  };

  return {
    status,
    async download() {
      if (!api) return status();
      const state = await api.availability();
      if (state !== 'downloadable') return status();
      progress = 0;
      downloadError = undefined;
      // Creating a session is what downloads the model; the session itself is not needed.
      api
        .create({
          monitor(monitor) {
            monitor.addEventListener('downloadprogress', (event) => {
              progress = event.loaded;
            });
          },
        })
        .then(
          (session) => session.destroy(),
          (thrown: unknown) => {
            downloadError = classifyOnDeviceError(thrown).message;
          },
        );
      return { state: 'downloading', progress };
    },
    adapter,
  };
}
