import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  consultantMetrics,
  cutSegments,
  detectSpeech,
  inferSpeakerRoles,
  labelByChannel,
  segmentSentiment,
  type CallStageName,
  type Speaker,
  type SpeechSpan,
} from '@sufler/shared';
import { encodeWav } from '../../audio/encode-wav';
import { sliceSamples } from '../../audio/slice-samples';
import type { Logger } from '../../logger';
import type { ChatModel } from '../llm/ports';
import { callBlobs, loadPcm, PCM_RATE, pcmBytes } from './call-blobs';
import { rulesOnError, scoreCallNow } from './call-scoring';
import { refreshSearchTerms, type SearchTermHasher } from './call-search';
import { CallSegmentEntity, findSegments, type CallSegmentRow } from './call-segment.entity';
import type { CallRow } from './call.entity';
import { detectSpeechWith } from './detect-speech-with';
import { inferRolesWithLlm } from './llm/infer-roles-with-llm';
import { sentimentWithLlm } from './llm/sentiment-with-llm';
import type { AudioCodec, BlobStore, Diarizer, SpeechClassifierFactory, Transcriber } from './ports';
import { StageError } from './stage-error';
import { assignLiveText, loadLiveTranscript } from './reuse-live-transcript';

export type StageDeps = {
  blobs: BlobStore;
  audio: AudioCodec;
  transcriber: Transcriber | null;
  diarizer: Diarizer | null;
  llm: ChatModel | null;
  language: string;
  hashTerm: SearchTermHasher;
  defaultConsultantChannel: 'left' | 'right';
  logger: Logger;
  /** Voice activity per frame (SUFLER_VAD: Silero, or the energy classifier); null: the batch energy detector `detectSpeech`. */
  speech: SpeechClassifierFactory | null;
};

export type StageContext = {
  em: EntityManager;
  call: CallRow;
  /** 0…1 within the stage; written to the database at most a few times a second. */
  progress: (fraction: number) => void;
  signal: AbortSignal;
};

/** What a stage reports besides success: a note for the reviewer (a skipped step, a manual task). */
export type StageOutcome = { note?: string | null };
export type StageRunner = (ctx: StageContext, deps: StageDeps) => Promise<StageOutcome>;

async function decode({ call, progress, signal }: StageContext, deps: StageDeps): Promise<StageOutcome> {
  const original = await deps.blobs.get(callBlobs.original(call.id));
  if (!original) throw new StageError('AUDIO_MISSING', 'The recording is no longer in the blob store');
  // ffmpeg needs a seekable file for some containers (M4A keeps its index at the end): a private temp dir,
  // removed whatever happens.
  const dir = await mkdtemp(join(tmpdir(), 'sufler-decode-'));
  try {
    const path = join(dir, `audio.${call.format}`);
    await writeFile(path, original, { mode: 0o600 });
    const decoded = await deps.audio.decode(path, { sampleRate: PCM_RATE, signal, onProgress: (f) => progress(f * 0.9) });
    for (const [channel, samples] of decoded.channels.entries()) await deps.blobs.put(callBlobs.pcm(call.id, channel), pcmBytes(samples));
    call.channels = decoded.channels.length;
    call.durationMs = decoded.durationMs;
    if (call.channels === 1) call.consultantChannel = null;
    return {};
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function voice({ call, progress }: StageContext, deps: StageDeps): Promise<StageOutcome> {
  const spans: SpeechSpan[] = [];
  for (let channel = 0; channel < call.channels; channel++) {
    const samples = await loadPcm(deps.blobs, call.id, channel);
    if (!samples) throw new StageError('AUDIO_MISSING', 'Decoded audio is missing: run the decode stage again');
    const found = deps.speech ? await detectSpeechWith(deps.speech, samples, PCM_RATE) : detectSpeech(samples, PCM_RATE);
    for (const s of found) spans.push({ ...s, channel: channel as 0 | 1 });
    progress((channel + 1) / call.channels);
  }
  call.speech = spans.sort((a, b) => a.startMs - b.startMs);
  return spans.length ? {} : { note: 'No speech found in the recording' };
}

/** Stereo: one side per channel. Mono: the diarizer's speakers, or one track for the reviewer to split. */
async function speakers({ em, call, signal }: StageContext, deps: StageDeps): Promise<StageOutcome> {
  const spans = call.speech ?? [];
  await em.nativeDelete(CallSegmentEntity, { call: call.id });
  let pieces: (SpeechSpan & { speaker: Speaker | null; track: string | null })[];
  let note: string | null = null;
  if (call.channels === 2) {
    const channel = call.consultantChannel ?? deps.defaultConsultantChannel;
    call.consultantChannel = channel;
    pieces = labelByChannel(spans, channel).map((s) => ({ ...s, track: null }));
  } else if (deps.diarizer) {
    const samples = await loadPcm(deps.blobs, call.id, 0);
    if (!samples) throw new StageError('AUDIO_MISSING', 'Decoded audio is missing: run the decode stage again');
    const turns = await deps.diarizer.diarize({ audio: encodeWav(samples, PCM_RATE), filename: `${call.id}.wav` }, signal);
    pieces = turns.map((t) => ({ startMs: t.startMs, endMs: t.endMs, channel: 0 as const, speaker: null, track: t.speaker }));
  } else {
    pieces = spans.map((s) => ({ ...s, speaker: null, track: null }));
    note = 'Mono recording and no DIARIZE_URL: one track; split it and label the speakers in the transcript';
  }
  // Segments of one track must not join across speakers: cutSegments only joins equal `speaker` values.
  const cut = cutSegments(pieces.map((p) => ({ ...p, speaker: p.speaker ?? p.track })));
  cut.forEach((piece, index) => {
    em.create(CallSegmentEntity, {
      call: call.id,
      index,
      speaker: call.channels === 2 ? (piece.speaker as Speaker) : null,
      channel: piece.channel,
      track: call.channels === 2 ? null : piece.speaker,
      startMs: piece.startMs,
      endMs: piece.endMs,
      text: '',
    });
  });
  return { note };
}

/** Each speech segment is sent alone (silence never is), two at a time; a reviewer's edited text is kept. */
async function transcribe({ em, call, progress, signal }: StageContext, deps: StageDeps): Promise<StageOutcome> {
  const transcriber = deps.transcriber;
  const all = await findSegments(em, call.id);
  // A call made from a live meeting: what was transcribed live is kept, only the rest goes to the transcriber.
  const live = await loadLiveTranscript(deps.blobs, call.id);
  const reused = live ? assignLiveText(all.filter((s) => !s.edited), live, call.consultantChannel ?? deps.defaultConsultantChannel) : new Map<string, string>();
  for (const s of all) if (!s.edited && reused.has(s.id)) s.text = reused.get(s.id)!;
  const fromLive = reused.size ? `${reused.size} of ${all.length} segments from the live transcript` : null;
  if (!transcriber) {
    if (reused.size) refreshSearchTerms(call, all.map((s) => s.text), deps.hashTerm);
    return { note: fromLive ? `${fromLive}; the rest not transcribed: TRANSCRIBE_URL is not set` : 'Not transcribed: TRANSCRIBE_URL is not set. Type the text in the transcript, then recompute.' };
  }
  const segments = all.filter((s) => !s.edited && !reused.has(s.id));
  const channels = new Map<number, Int16Array>();
  for (let channel = 0; channel < call.channels; channel++) {
    const samples = await loadPcm(deps.blobs, call.id, channel);
    if (!samples) throw new StageError('AUDIO_MISSING', 'Decoded audio is missing: run the decode stage again');
    channels.set(channel, samples);
  }
  let done = 0;
  const work = async (segment: CallSegmentRow) => {
    const samples = channels.get(segment.channel ?? 0)!;
    const audio = encodeWav(sliceSamples(samples, PCM_RATE, Math.max(0, segment.startMs - 100), segment.endMs + 100), PCM_RATE);
    const result = await transcriber.transcribe({ audio, filename: `segment-${segment.index}-${segment.startMs}ms.wav`, language: deps.language }, signal);
    segment.text = result.text.trim();
    progress(++done / segments.length);
  };
  const queue = [...segments];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await work(next);
    }),
  );
  refreshSearchTerms(call, all.map((s) => s.text), deps.hashTerm);
  return fromLive ? { note: fromLive } : {};
}

/**
 * CLIENT / CONSULTANT. Stereo: from the consultant's channel. Diarized mono: the cue rules, and when they
 * cannot tell (a tie, no cue) the model as an aid; if neither can, the labels stay for the reviewer.
 * A segment the reviewer edited keeps its label.
 */
async function roles({ em, call, signal }: StageContext, deps: StageDeps): Promise<StageOutcome> {
  const segments = await findSegments(em, call.id);
  if (call.channels === 2) {
    const consultant = call.consultantChannel === 'right' ? 1 : 0;
    for (const s of segments) if (!s.edited) s.speaker = s.channel === consultant ? 'CONSULTANT' : 'CLIENT';
    return {};
  }
  const tracks = [...new Set(segments.map((s) => s.track).filter((t): t is string => t !== null))];
  if (tracks.length < 2) return { note: 'One track: label CLIENT and CONSULTANT in the transcript' };
  const byTrack = tracks.map((track) => ({ track, segments: segments.filter((s) => s.track === track) }));
  const assign = (consultant: string) => {
    for (const s of segments) if (!s.edited && s.track) s.speaker = s.track === consultant ? 'CONSULTANT' : 'CLIENT';
  };
  const inferred = inferSpeakerRoles(byTrack);
  if (inferred.consultant) {
    assign(inferred.consultant);
    return { note: `cues: ${inferred.consultant} is the consultant: ${inferred.reasons.join('; ')}` };
  }
  const model = deps.llm;
  if (!model) return { note: 'Could not tell who the consultant is from the cues: label the speakers in the transcript' };
  const lines = byTrack.map((t) => ({ track: t.track, lines: t.segments }));
  const fromLlm = await rulesOnError(() => inferRolesWithLlm(model, lines, signal), signal, deps.logger);
  if (!fromLlm) return { note: 'Could not tell who the consultant is (cues undecided, no usable answer from the model): label the speakers in the transcript' };
  assign(fromLlm.consultant);
  return { note: `model: ${fromLlm.consultant} is the consultant${fromLlm.reason ? `: ${fromLlm.reason}` : ''}` };
}

async function scorecard(ctx: StageContext, deps: StageDeps): Promise<StageOutcome> {
  return scoreCallNow(ctx.em, ctx.call, { llm: deps.llm, signal: ctx.signal, logger: deps.logger });
}

/** CLIENT sentiment per segment (offline lexicon, blended with the LLM when there is one); consultant metrics. */
async function sentiment({ em, call, signal }: StageContext, deps: StageDeps): Promise<StageOutcome> {
  const segments = await findSegments(em, call.id);
  const client = segments.filter((s) => s.speaker === 'CLIENT' && s.text.trim());
  const model = deps.llm;
  const fromLlm = model && client.length ? await rulesOnError(() => sentimentWithLlm(model, client.map((s) => ({ id: s.id, text: s.text })), signal), signal, deps.logger) : null;
  let weighted = 0;
  let weight = 0;
  for (const s of segments) {
    if (s.speaker !== 'CLIENT' || !s.text.trim()) {
      s.sentiment = null;
      s.emotion = null;
      s.sentimentSource = null;
      continue;
    }
    const offline = segmentSentiment(s.text);
    const llm = fromLlm?.get(s.id);
    s.sentiment = llm ? round((offline.score + llm.score) / 2) : round(offline.score);
    s.emotion = llm?.emotion ?? offline.emotion;
    s.sentimentSource = llm ? 'llm' : 'rules';
    const length = Math.max(1, s.endMs - s.startMs);
    weighted += s.sentiment * length;
    weight += length;
  }
  call.sentiment = weight ? round(weighted / weight) : null;
  call.metrics = consultantMetrics(segments.map((s) => ({ speaker: s.speaker ?? null, startMs: s.startMs, endMs: s.endMs, text: s.text })));
  return client.length ? {} : { note: 'No client speech with text: no sentiment' };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export const STAGE_RUNNERS: Record<CallStageName, StageRunner> = { decode, voice, speakers, transcribe, roles, scorecard, sentiment };
