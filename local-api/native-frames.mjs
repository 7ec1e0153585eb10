/**
 * @module Native messaging's framing, as Chrome and Firefox speak it on the host's stdin and
 * stdout: each message is a 32-bit length in the machine's byte order, then that many bytes of
 * UTF-8 JSON. The daemon speaks the same framing on its socket, so the relay between the two only
 * copies bytes.
 */
import { endianness } from 'node:os';

/** A message from the host over this kills the browser's port (Chrome and Firefox alike). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

const littleEndian = endianness() === 'LE';

/** @param {unknown} message */
export function encodeFrame(message) {
  const json = Buffer.from(JSON.stringify(message), 'utf8');
  const frame = Buffer.alloc(4 + json.length);
  if (littleEndian) frame.writeUInt32LE(json.length, 0);
  else frame.writeUInt32BE(json.length, 0);
  json.copy(frame, 4);
  return frame;
}

/**
 * Returns a function to feed bytes as they arrive, cut anywhere; it calls `onMessage` once per
 * whole frame. A frame that is not JSON is skipped: one bad message must not end the link.
 * @param {(message: unknown) => void} onMessage
 */
export function createFrameReader(onMessage) {
  let pending = Buffer.alloc(0);
  return (/** @type {Buffer} */ chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = littleEndian ? pending.readUInt32LE(0) : pending.readUInt32BE(0);
      if (pending.length < 4 + length) return;
      const json = pending.subarray(4, 4 + length).toString('utf8');
      pending = pending.subarray(4 + length);
      let message;
      try {
        message = JSON.parse(json);
      } catch {
        continue;
      }
      onMessage(message);
    }
  };
}
