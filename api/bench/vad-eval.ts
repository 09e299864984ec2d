/**
 * Voice-activity detectors against reference speaker turns (issue 11), printed, never asserted:
 * the batch energy detector of the calls `voice` stage (`detectSpeech`), Silero VAD v5 and the streaming energy
 * classifier (both through `detectSpeechWith`), on every recording in the evaluation data folder that has
 * reference turns (RTTM, or SRT subtitles tagged with the speaker). Per file and overall: speech-time
 * precision, recall and F1 against the union of the reference's speech, missed and false-alarm seconds,
 * and the time each detector took (decoding not included).
 *
 * The data is third-party (see its README) and stays where it is: `SUFLER_EVAL_DATA`, or the first argument,
 * or `../shared/data` beside the repository. Without it this says so and exits 0.
 *
 *   npm run eval:vad [-- DATA_DIR]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { detectSpeech } from '@sufler/shared';
import { decodeAudio } from '../src/adapters/audio/decode-audio';
import { locateFfmpeg } from '../src/adapters/audio/locate-ffmpeg';
import { createEnergyClassifierFactory } from '../src/adapters/vad/energy-classifier-factory';
import { createSileroClassifierFactory } from '../src/adapters/vad/silero-classifier';
import { detectSpeechWith } from '../src/modules/calls/detect-speech-with';
import { fromTimes, speechAgreement, type Span, type SpeechAgreement } from '../test/fixtures/calls/speech-agreement';

type Turn = Span & { speaker: string };
type Detector = { name: string; detect: (samples: Int16Array) => Promise<Span[]> };

const RATE = 16_000;

function parseRttm(text: string): Turn[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[0] === 'SPEAKER')
    .map((f) => ({ startMs: Math.round(Number(f[3]) * 1000), endMs: Math.round((Number(f[3]) + Number(f[4])) * 1000), speaker: f[7]! }));
}

/** SubRip blocks `hh:mm:ss,mmm --> hh:mm:ss,mmm` whose text starts with `[SPEAKER]`. */
function parseSrt(text: string): Turn[] {
  const ms = (t: string) => {
    const [h, m, s] = t.replace(',', '.').split(':').map(Number) as [number, number, number];
    return Math.round(((h * 60 + m) * 60 + s) * 1000);
  };
  const turns: Turn[] = [];
  for (const block of text.split(/\r?\n\s*\r?\n/)) {
    const time = /(\d+:\d+:\d+[,.]\d+)\s*-->\s*(\d+:\d+:\d+[,.]\d+)/.exec(block);
    if (!time) continue;
    const speaker = /\[([^\]]+)\]/.exec(block)?.[1] ?? 'speech';
    turns.push({ startMs: ms(time[1]!), endMs: ms(time[2]!), speaker });
  }
  return turns;
}

/** Each recording with a reference beside it: `X.rttm`/`X.srt` for `X*.wav` (the longest such X). */
async function findCalls(dir: string): Promise<{ audio: string; reference: string; turns: Turn[] }[]> {
  const calls: { audio: string; reference: string; turns: Turn[] }[] = [];
  for (const folder of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(dir, e.name)).sort()) {
    const names = await readdir(folder);
    const references = names.filter((n) => /\.(rttm|srt)$/i.test(n));
    for (const audio of names.filter((n) => /\.(wav|mp3|flac|ogg|m4a)$/i.test(n)).sort()) {
      const stem = (n: string) => n.replace(/\.[^.]+$/, '');
      const reference = references.filter((r) => stem(audio).startsWith(stem(r))).sort((a, b) => b.length - a.length)[0];
      if (!reference) continue;
      const text = await readFile(join(folder, reference), 'utf8');
      calls.push({ audio: join(folder, audio), reference, turns: /\.rttm$/i.test(reference) ? parseRttm(text) : parseSrt(text) });
    }
  }
  return calls;
}

/**
 * What each channel should hold. A stereo recording of CONSULTANT and CLIENT follows the project's import
 * rule (left = consultant, `SUFLER_CALL_CONSULTANT_CHANNEL`'s default); anything else: every channel is
 * measured against all speech.
 */
function channelReferences(turns: Turn[], channels: number): Span[][] {
  const speakers = new Set(turns.map((t) => t.speaker));
  if (channels === 2 && speakers.has('CONSULTANT') && speakers.has('CLIENT')) {
    return ['CONSULTANT', 'CLIENT'].map((who) => turns.filter((t) => t.speaker === who));
  }
  return Array.from({ length: channels }, () => turns);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)}s`.padStart(7);
const row = (label: string, name: string, a: SpeechAgreement, ms: number, audioMs: number) =>
  `${label.padEnd(44)} ${name.padEnd(14)} P ${pct(a.precision)}  R ${pct(a.recall)}  F1 ${pct(a.f1)}  missed ${sec(a.missedMs)}  false alarm ${sec(a.falseAlarmMs)}  ` +
  `${ms.toFixed(0).padStart(6)} ms (${(audioMs / Math.max(ms, 0.001)).toFixed(0)}× real time)`;

async function main() {
  const dir = resolve(process.env.SUFLER_EVAL_DATA ?? process.argv[2] ?? join(import.meta.dirname, '../../../shared/data'));
  if (!existsSync(dir)) {
    console.log(`vad-eval: no evaluation data at ${dir} (set SUFLER_EVAL_DATA or pass a folder): nothing measured.`);
    return;
  }
  const calls = await findCalls(dir);
  if (!calls.length) {
    console.log(`vad-eval: ${dir} holds no recording with an RTTM or SRT reference: nothing measured.`);
    return;
  }
  const ffmpeg = await locateFfmpeg();
  const loadStarted = performance.now();
  const silero = await createSileroClassifierFactory();
  console.log(`Silero VAD loaded in ${(performance.now() - loadStarted).toFixed(0)} ms; data: ${dir}\n`);
  const energy = createEnergyClassifierFactory();
  const detectors: Detector[] = [
    { name: 'energy (batch)', detect: async (s) => detectSpeech(s, RATE) },
    { name: 'silero', detect: (s) => detectSpeechWith(silero, s, RATE) },
    { name: 'energy (frame)', detect: (s) => detectSpeechWith(energy, s, RATE) },
  ];
  const totals = new Map(detectors.map((d) => [d.name, { referenceMs: 0, detectedMs: 0, hitMs: 0, ms: 0, audioMs: 0 }]));

  for (const call of calls) {
    const decoded = await decodeAudio(ffmpeg, call.audio, { sampleRate: RATE });
    const references = channelReferences(call.turns, decoded.channels.length);
    for (const [channel, samples] of decoded.channels.entries()) {
      const label = `${basename(call.audio)}${decoded.channels.length > 1 ? ` ch${channel}` : ''} (${call.reference})`;
      for (const detector of detectors) {
        const started = performance.now();
        const spans = await detector.detect(samples);
        const ms = performance.now() - started;
        const agreement = speechAgreement(references[channel]!, spans);
        console.log(row(label, detector.name, agreement, ms, decoded.durationMs));
        const t = totals.get(detector.name)!;
        t.referenceMs += agreement.referenceMs;
        t.detectedMs += agreement.detectedMs;
        t.hitMs += agreement.hitMs;
        t.ms += ms;
        t.audioMs += decoded.durationMs;
      }
    }
    console.log('');
  }
  for (const detector of detectors) {
    const t = totals.get(detector.name)!;
    console.log(row(`overall (${calls.length} recordings)`, detector.name, fromTimes(t.referenceMs, t.detectedMs, t.hitMs), t.ms, t.audioMs));
  }
}

await main();
