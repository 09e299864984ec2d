import type { BlobStore } from './ports';

/** Where a call's audio lives in the blob store: the upload as it came, and the decoded channels. */
export const callBlobs = {
  prefix: (callId: string) => `calls/${callId}/`,
  original: (callId: string) => `calls/${callId}/original`,
  /** 16-bit little-endian mono PCM of one channel (0 = left or mono, 1 = right). */
  pcm: (callId: string, channel: number) => `calls/${callId}/pcm-${channel}`,
  /** The transcript a live meeting already made of this recording (JSON `LiveTranscriptLine[]`), reused by the transcription stage. */
  liveTranscript: (callId: string) => `calls/${callId}/live-transcript`,
};

/** One utterance of a live meeting's transcript, as a call made from that meeting keeps it. */
export type LiveTranscriptLine = { speaker: 'CLIENT' | 'CONSULTANT'; startMs: number; endMs: number; text: string };

/** Sample rate of the decoded channels: what speech recognisers expect. */
export const PCM_RATE = 16_000;

/** A decoded channel, copied into its own aligned buffer (a stored blob may start at any byte). */
export async function loadPcm(blobs: BlobStore, callId: string, channel: number): Promise<Int16Array | null> {
  const bytes = await blobs.get(callBlobs.pcm(callId, channel));
  if (!bytes) return null;
  const samples = new Int16Array(bytes.byteLength >> 1);
  new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.byteLength));
  return samples;
}

export const pcmBytes = (samples: Int16Array) => new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
