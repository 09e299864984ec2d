import { LIVE_CHANNELS, LIVE_FRAME_MAX_MS, LIVE_SAMPLE_RATE } from '../../schemas/live';

/**
 * A live frame: one binary message of the `/live` audio socket. A 16-byte little-endian header, then
 * interleaved s16le stereo samples (left = consultant, right = client):
 *
 * | bytes | field                                   |
 * |-------|-----------------------------------------|
 * | 0-3   | ASCII magic `SFLV`                      |
 * | 4     | version, 1                              |
 * | 5     | encoding, 1 = signed 16-bit LE PCM      |
 * | 6     | channels, `LIVE_CHANNELS` (2)           |
 * | 7     | flags, 0                                |
 * | 8-11  | u32 sample rate, `LIVE_SAMPLE_RATE`     |
 * | 12-15 | u32 seq, the frame's number from 0      |
 */
export const LIVE_FRAME_HEADER_BYTES = 16;

const MAGIC = [0x53, 0x46, 0x4c, 0x56]; // "SFLV"
const VERSION = 1;
const ENCODING_S16LE = 1;
const BYTES_PER_SAMPLE = 2;
const MAX_U32 = 0xffff_ffff;

export type LiveFrameErrorCode = 'BAD_FRAME' | 'BAD_FORMAT' | 'FRAME_TOO_LARGE';

/** Why a frame was refused; the codes are those of the socket's `error` message (`LIVE_ERROR_CODES`). */
export class LiveFrameError extends Error {
  constructor(
    readonly code: LiveFrameErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LiveFrameError';
  }
}

/** A decoded live frame: its seq, format, and the two sides split apart. */
export type LiveFrame = {
  seq: number;
  sampleRate: number;
  channels: number;
  /** The consultant (microphone). */
  left: Int16Array;
  /** The client (meeting tab). */
  right: Int16Array;
  durationMs: number;
};

const maxSamplesPerChannel = (LIVE_SAMPLE_RATE * LIVE_FRAME_MAX_MS) / 1000;

/**
 * Encodes interleaved stereo samples (L R L R …) as a live frame numbered `seq` (a u32). The audio must hold
 * at least one stereo sample and at most `LIVE_FRAME_MAX_MS`, as the server refuses anything else; a
 * programming error here throws `LiveFrameError` (or `RangeError` for a bad seq) rather than sending it.
 */
export function encodeLiveFrame(seq: number, interleaved: Int16Array): Uint8Array {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_U32) throw new RangeError(`Frame seq must be a u32, got ${seq}.`);
  if (interleaved.length === 0 || interleaved.length % LIVE_CHANNELS !== 0) {
    throw new LiveFrameError('BAD_FRAME', `A frame needs whole stereo samples; got ${interleaved.length} values.`);
  }
  if (interleaved.length / LIVE_CHANNELS > maxSamplesPerChannel) {
    throw new LiveFrameError('FRAME_TOO_LARGE', `A frame carries at most ${LIVE_FRAME_MAX_MS} ms of audio.`);
  }
  const bytes = new Uint8Array(LIVE_FRAME_HEADER_BYTES + interleaved.length * BYTES_PER_SAMPLE);
  const view = new DataView(bytes.buffer);
  MAGIC.forEach((b, i) => view.setUint8(i, b));
  view.setUint8(4, VERSION);
  view.setUint8(5, ENCODING_S16LE);
  view.setUint8(6, LIVE_CHANNELS);
  view.setUint8(7, 0);
  view.setUint32(8, LIVE_SAMPLE_RATE, true);
  view.setUint32(12, seq, true);
  // DataView rather than copying the Int16Array's buffer: that one has the platform's byte order.
  for (let i = 0; i < interleaved.length; i++) view.setInt16(LIVE_FRAME_HEADER_BYTES + i * BYTES_PER_SAMPLE, interleaved[i]!, true);
  return bytes;
}

/**
 * Decodes and checks one binary message of the `/live` socket. `bytes` may be a view into a larger buffer
 * (a Node `Buffer` slice): only its own bytes are read. Throws `LiveFrameError`: `BAD_FRAME` when it is not
 * a live frame at all (too short, wrong magic, no or partial stereo samples), `BAD_FORMAT` when it is one in
 * a format this server does not take (version, encoding, channels, flags, sample rate), `FRAME_TOO_LARGE`
 * above `LIVE_FRAME_MAX_MS`. A last frame shorter than `LIVE_FRAME_MIN_MS` is accepted: a stream's tail may be short.
 */
export function decodeLiveFrame(bytes: Uint8Array): LiveFrame {
  if (bytes.byteLength < LIVE_FRAME_HEADER_BYTES) {
    throw new LiveFrameError('BAD_FRAME', `A frame has a ${LIVE_FRAME_HEADER_BYTES}-byte header; got ${bytes.byteLength} bytes.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (MAGIC.some((b, i) => view.getUint8(i) !== b)) throw new LiveFrameError('BAD_FRAME', 'Not a live frame: the magic "SFLV" is missing.');
  const version = view.getUint8(4);
  if (version !== VERSION) throw new LiveFrameError('BAD_FORMAT', `Unsupported frame version ${version}; expected ${VERSION}.`);
  const encoding = view.getUint8(5);
  if (encoding !== ENCODING_S16LE) throw new LiveFrameError('BAD_FORMAT', `Unsupported encoding ${encoding}; expected 1 (s16le).`);
  const channels = view.getUint8(6);
  if (channels !== LIVE_CHANNELS) throw new LiveFrameError('BAD_FORMAT', `Expected ${LIVE_CHANNELS} channels; got ${channels}.`);
  const flags = view.getUint8(7);
  if (flags !== 0) throw new LiveFrameError('BAD_FORMAT', `Unknown frame flags ${flags}; expected 0.`);
  const sampleRate = view.getUint32(8, true);
  if (sampleRate !== LIVE_SAMPLE_RATE) throw new LiveFrameError('BAD_FORMAT', `Expected ${LIVE_SAMPLE_RATE} Hz; got ${sampleRate} Hz.`);
  const seq = view.getUint32(12, true);

  const payloadBytes = bytes.byteLength - LIVE_FRAME_HEADER_BYTES;
  const stride = channels * BYTES_PER_SAMPLE;
  if (payloadBytes === 0 || payloadBytes % stride !== 0) {
    throw new LiveFrameError('BAD_FRAME', `The payload must be whole stereo samples (${stride} bytes each); got ${payloadBytes} bytes.`);
  }
  const samples = payloadBytes / stride;
  const durationMs = (samples / sampleRate) * 1000;
  if (durationMs > LIVE_FRAME_MAX_MS) {
    throw new LiveFrameError('FRAME_TOO_LARGE', `A frame carries at most ${LIVE_FRAME_MAX_MS} ms; got ${durationMs} ms.`);
  }
  const left = new Int16Array(samples);
  const right = new Int16Array(samples);
  for (let i = 0; i < samples; i++) {
    const at = LIVE_FRAME_HEADER_BYTES + i * stride;
    left[i] = view.getInt16(at, true);
    right[i] = view.getInt16(at + BYTES_PER_SAMPLE, true);
  }
  return { seq, sampleRate, channels, left, right, durationMs };
}
