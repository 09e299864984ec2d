import type { Speaker } from '@sufler/shared';

/**
 * The LiveTranscriber port: speech to text during a meeting, one stream per side. The live module cuts
 * each side into utterances with its voice-activity detector and hands over one finished utterance at a
 * time; the adapter decides how it reaches the server (one HTTP request per utterance over the
 * OpenAI-compatible `/v1/audio/transcriptions`, or an OpenAI Realtime transcription socket per side).
 */
export interface LiveTranscriber {
  readonly kind: 'chunked' | 'realtime';
  open(options: { side: Speaker; language: string; signal: AbortSignal }): Promise<LiveTranscriberStream>;
}

export interface LiveTranscriberStream {
  /**
   * The text of one utterance: 16 kHz mono s16le PCM, `startMs` from the start of the recording.
   * `prompt` is the previous text on this side (context for the model). Resolves to '' when the adapter
   * judged it silence. Calls on one stream are answered in order. Rejects with a TranscriberError.
   */
  transcribe(utterance: { samples: Int16Array; startMs: number; prompt?: string }): Promise<string>;
  close(): Promise<void>;
}
