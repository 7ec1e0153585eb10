/**
 * @module A stand-in for Chrome's `LanguageModel` that follows the documented API: availability
 * moves from `downloadable` through `downloading` (with `downloadprogress` events the test fires)
 * to `available` when a session is created; sessions answer with scripted pieces or refuse with
 * the DOMException the test names.
 */
import type {
  DownloadProgressEvent,
  PromptApi,
  PromptApiAvailability,
  PromptApiCreateOptions,
  PromptApiMessage,
} from '../providers/on-device/prompt-api';

export interface FakePromptApi extends PromptApi {
  state: PromptApiAvailability;
  /** The pieces the next answer streams (joined for `prompt`). */
  answer: string[];
  /** Makes the next `prompt`/`promptStreaming` throw a DOMException of this name. */
  refuseWith?: string;
  /** What each session was created with and asked. */
  sessions: { initialPrompts: PromptApiMessage[]; prompts: string[]; destroyed: boolean }[];
  /** Fires `downloadprogress` on the pending download. */
  progress(loaded: number): void;
  /** Ends the pending download: the model is then available. */
  finishDownload(): void;
}

export function createFakePromptApi(state: PromptApiAvailability = 'available'): FakePromptApi {
  let listeners: ((event: DownloadProgressEvent) => void)[] = [];
  let finish: (() => void) | undefined;
  const fake: FakePromptApi = {
    state,
    answer: ['Hello', ' from', ' the device.'],
    sessions: [],
    availability: () => Promise.resolve(fake.state),
    async create(options: PromptApiCreateOptions = {}) {
      if (fake.state === 'unavailable')
        throw new DOMException('The model is not available.', 'NotSupportedError');
      if (fake.state !== 'available') {
        fake.state = 'downloading';
        options.monitor?.({ addEventListener: (_type, listener) => listeners.push(listener) });
        await new Promise<void>((resolve) => (finish = resolve));
      }
      const record = {
        initialPrompts: options.initialPrompts ?? [],
        prompts: [] as string[],
        destroyed: false,
      };
      fake.sessions.push(record);
      const refusal = () => {
        const name = fake.refuseWith;
        fake.refuseWith = undefined;
        return name ? new DOMException(`Refused (${name}).`, name) : undefined;
      };
      return {
        async prompt(input: string) {
          record.prompts.push(input);
          const refused = refusal();
          if (refused) throw refused;
          return fake.answer.join('');
        },
        async *promptStreaming(input: string) {
          record.prompts.push(input);
          const refused = refusal();
          if (refused) throw refused;
          yield* fake.answer;
        },
        destroy() {
          record.destroyed = true;
        },
      };
    },
    progress(loaded) {
      for (const listener of listeners) listener({ loaded });
    },
    finishDownload() {
      fake.state = 'available';
      listeners = [];
      finish?.();
    },
  };
  return fake;
}
