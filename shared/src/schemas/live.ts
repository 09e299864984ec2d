import { z } from 'zod';
import { IdSchema } from './common';
import { SpeakerSchema } from './call';

/**
 * Live meetings: the wire contract between the capture (the extension's offscreen document, or
 * `sufler live replay`) and the API's `live` module.
 *
 * Audio travels over its own WebSocket, `/live`, as binary frames (see `live-frame.ts` for the header):
 * 16 kHz signed 16-bit little-endian PCM, two channels interleaved, LEFT = CONSULTANT (the microphone),
 * RIGHT = CLIENT (the meeting tab), the stereo-call convention of call evaluation. Control messages on that
 * socket are JSON text frames, below. Starting, stopping and following a live session are tRPC procedures
 * (`live.*`), so the side panel needs no audio socket of its own.
 */

export const LIVE_SAMPLE_RATE = 16_000;
export const LIVE_CHANNELS = 2;
/** Shortest and longest audio one frame may carry; the capture sends 100–200 ms. */
export const LIVE_FRAME_MIN_MS = 20;
export const LIVE_FRAME_MAX_MS = 500;
/** How long the capture keeps unacknowledged frames for a resend (at least 60 s of audio). */
export const LIVE_RESEND_BUFFER_MS = 120_000;

/** What is captured: both sides (Chrome), or the microphone only (Firefox, or a tab that cannot be captured). */
export const LiveModeSchema = z.enum(['tab_and_mic', 'mic_only']);
export type LiveMode = z.infer<typeof LiveModeSchema>;

/** recording: frames are being taken; stopping: the end was asked for, the tail is being finished; stopped: a call was made (or failed). */
export const LiveStatusSchema = z.enum(['recording', 'stopping', 'stopped', 'failed']);
export type LiveStatus = z.infer<typeof LiveStatusSchema>;

/** Whether the transcript follows live: `live`, or `off` (no transcription server configured: record only). */
export const LiveTranscriptionSchema = z.enum(['live', 'off']);
export type LiveTranscription = z.infer<typeof LiveTranscriptionSchema>;

// ---- tRPC ----

export const LiveStartInputSchema = z.object({
  /** The co-pilot session the transcript goes into (an open session of the caller's client). */
  sessionId: IdSchema,
  mode: LiveModeSchema,
  /** The rep confirms the client was told the call is recorded; without it nothing starts. */
  consentConfirmed: z.literal(true),
  /** Which notice text the rep saw (its version), kept in the audit entry. */
  noticeVersion: z.number().int().min(0),
  /** Where the capture runs, for the audit trail (e.g. "chrome-extension", "cli-replay"). */
  origin: z.string().trim().min(1).max(40).default('chrome-extension'),
});
export type LiveStartInput = z.input<typeof LiveStartInputSchema>;

export const LiveIdInputSchema = z.object({ liveSessionId: IdSchema });

/** The admin's consent notice (shown before capture) and its version. */
export const LiveNoticeSchema = z.object({ text: z.string().min(1).max(2000), version: z.number().int().min(0) });
export type LiveNotice = z.infer<typeof LiveNoticeSchema>;
export const LiveNoticeSaveInputSchema = z.object({ text: z.string().trim().min(10).max(2000) });

/** One finalized utterance of the live transcript. Times are milliseconds from the start of the recording. */
export const LiveSegmentSchema = z.object({
  id: IdSchema,
  index: z.number().int().min(0),
  speaker: SpeakerSchema,
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  text: z.string(),
});
export type LiveSegment = z.infer<typeof LiveSegmentSchema>;

export const LiveSessionSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  clientId: IdSchema,
  mode: LiveModeSchema,
  status: LiveStatusSchema,
  transcription: LiveTranscriptionSchema,
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  /** Audio received and stored so far. */
  receivedMs: z.number().int().min(0),
  /** The call made from the recording at Stop. */
  callId: IdSchema.nullable(),
  error: z.string().nullable(),
});
export type LiveSession = z.infer<typeof LiveSessionSchema>;

export const LiveStartResultSchema = z.object({
  live: LiveSessionSchema,
  /** The path of the audio WebSocket on the API's origin. */
  socketPath: z.literal('/live'),
});
export type LiveStartResult = z.infer<typeof LiveStartResultSchema>;

/** What `live.follow` streams to the panel. */
export type LiveEvent =
  | { type: 'state'; live: LiveSession }
  | { type: 'segment'; segment: LiveSegment }
  /** The transcript batch that became an observation of the session, and its analysis is ready. */
  | { type: 'analysis'; interactionId: string; afterSegment: number };

// ---- the audio socket's control messages (JSON text frames) ----

/** capture → server, first message on the socket: who, and which live session. */
export const LiveHelloSchema = z.object({
  type: z.literal('hello'),
  token: z.string().min(1).max(4096),
  liveSessionId: IdSchema,
});
/** capture → server: no more frames; finish the tail and make the call. */
export const LiveEndSchema = z.object({ type: z.literal('end') });
export const LiveClientMessageSchema = z.discriminatedUnion('type', [LiveHelloSchema, LiveEndSchema]);
export type LiveClientMessage = z.infer<typeof LiveClientMessageSchema>;

export const LIVE_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_RECORDING',
  'BAD_MESSAGE',
  'BAD_FRAME',
  'FRAME_TOO_LARGE',
  'BAD_FORMAT',
  'TOO_LONG',
  'INTERNAL',
] as const;
export const LiveErrorCodeSchema = z.enum(LIVE_ERROR_CODES);
export type LiveErrorCode = z.infer<typeof LiveErrorCodeSchema>;

/** server → capture. */
export const LiveServerMessageSchema = z.discriminatedUnion('type', [
  /** After hello: send frames from `nextSeq` on (a resumed session continues where the server's copy ends). */
  z.object({ type: z.literal('ready'), nextSeq: z.number().int().min(0), transcription: LiveTranscriptionSchema }),
  /** Every frame up to and including `seq` is stored durably: the capture may drop them. */
  z.object({ type: z.literal('ack'), seq: z.number().int().min(0) }),
  /** A finalized utterance (the same as `live.follow`'s, for a capture that shows it, such as the CLI). */
  z.object({ type: z.literal('segment'), segment: LiveSegmentSchema }),
  /** A transcript batch was analysed (the CLI prints its moves). */
  z.object({
    type: z.literal('analysis'),
    interactionId: IdSchema,
    afterSegment: z.number().int().min(0),
    suggestions: z.array(z.object({ kind: z.string(), text: z.string() })),
  }),
  /** After `end`: the recording is a call now. */
  z.object({ type: z.literal('ended'), callId: IdSchema.nullable(), error: z.string().nullable() }),
  /** A refused message or frame; `fatal` ones close the socket, others change nothing and the capture goes on. */
  z.object({ type: z.literal('error'), code: LiveErrorCodeSchema, message: z.string(), fatal: z.boolean() }),
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessageSchema>;
