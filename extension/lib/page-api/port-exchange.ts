/**
 * One exchange over a request channel: send one message, get the background's head + data +
 * end back as a real `Response` whose body streams as it arrives. Aborting the signal (or
 * cancelling the body) tells the background, which cancels the upstream call. The channel
 * breaking before `end` fails the fetch or errors the body, as a dropped connection does.
 */
import type { AttemptProgress } from '../../../shared/protocol/attempt-progress';
import { backgroundToPageSchema, type PageToBackground } from '../../../shared/protocol/page-port';

/** One request's channel to the background: a MessagePort in pages, a runtime port in the popup. */
export interface RequestChannel {
  post(message: PageToBackground): void;
  onMessage(listener: (message: unknown) => void): void;
  close(): void;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** A TypeError, as fetch's own network failures are, so clients report it (and never take it for an abort). */
function brokenChannel(): TypeError {
  return new TypeError(
    'The connection to FreeLLM broke before the answer was complete (the extension stopped or was reloaded).',
  );
}

export async function exchangeOverChannel(
  openRequest: () => Promise<RequestChannel>,
  message: PageToBackground,
  signal?: AbortSignal,
  onAttempt?: (progress: AttemptProgress) => void,
): Promise<Response> {
  if (signal?.aborted) throw abortReason(signal);
  const channel = await openRequest();
  return new Promise<Response>((resolve, reject) => {
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    let finished = false;
    // Erroring a stream drops what it holds, so a break waits until the text received is read.
    let broken: TypeError | undefined;
    const encoder = new TextEncoder();
    const finish = () => {
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      channel.close();
    };
    const stop = () => {
      if (finished) return false;
      channel.post({ type: 'abort' });
      finish();
      return true;
    };
    const onAbort = () => {
      if (!signal || !stop()) return;
      const error = abortReason(signal);
      reject(error);
      controller?.error(error);
    };
    signal?.addEventListener('abort', onAbort);
    channel.onMessage((data) => {
      if (finished) return;
      const parsed = backgroundToPageSchema.safeParse(data);
      if (!parsed.success) return;
      const reply = parsed.data;
      if (reply.type === 'progress') {
        const { type: _type, ...progress } = reply;
        onAttempt?.(progress);
      } else if (reply.type === 'head') {
        const body = new ReadableStream<Uint8Array>({
          start: (streamController) => {
            controller = streamController;
          },
          pull: (streamController) => {
            if (broken) streamController.error(broken);
          },
          cancel: () => void stop(),
        });
        resolve(new Response(body, { status: reply.status, headers: reply.headers }));
        if (reply.text !== undefined) controller?.enqueue(encoder.encode(reply.text));
        if (reply.end) {
          finish();
          controller?.close();
        }
      } else if (reply.type === 'data') {
        controller?.enqueue(encoder.encode(reply.text));
      } else if (reply.type === 'disconnected') {
        finish();
        broken = brokenChannel();
        reject(broken);
        // An empty queue (room for a chunk) means nothing received is left unread.
        if (controller && (controller.desiredSize ?? 0) > 0) controller.error(broken);
      } else {
        finish();
        if (controller) controller.close();
        else reject(new TypeError('FreeLLM closed the request without an answer.'));
      }
    });
    channel.post(message);
  });
}
