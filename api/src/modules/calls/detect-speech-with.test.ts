import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { decodeAudio } from '../../adapters/audio/decode-audio';
import { locateFfmpeg } from '../../adapters/audio/locate-ffmpeg';
import { createEnergyClassifierFactory } from '../../adapters/vad/energy-classifier-factory';
import { createSileroClassifierFactory } from '../../adapters/vad/silero-classifier';
import { fixturePath, parseRttm } from '../../../test/fixtures/calls/rttm';
import { speechAgreement } from '../../../test/fixtures/calls/speech-agreement';
import { detectSpeechWith } from './detect-speech-with';
import type { SpeechClassifierFactory } from './ports';

let channels: Int16Array[];
let turns: ReturnType<typeof parseRttm>;

beforeAll(async () => {
  channels = (await decodeAudio(await locateFfmpeg(), fixturePath('dialogue_pl_stereo_8k.wav'), { sampleRate: 16_000 })).channels;
  turns = parseRttm(await readFile(fixturePath('dialogue_pl.rttm'), 'utf8'));
});

/** A classifier that replays a probability per frame (by the frame's start in ms). */
const scripted = (probability: (ms: number) => number, frameSamples = 512): SpeechClassifierFactory => ({
  name: 'energy',
  async create() {
    let frame = 0;
    return {
      name: 'energy',
      frameSamples,
      classify: async () => probability(((frame++ * frameSamples) / 16_000) * 1000),
      reset: () => void (frame = 0),
    };
  },
});

describe('detectSpeechWith on the synthetic Polish call', () => {
  test.each([
    ['silero', createSileroClassifierFactory],
    ['energy', async () => createEnergyClassifierFactory()],
  ])('%s: each side’s speech where the RTTM has its turns', async (_name, make) => {
    const factory = await make();
    for (const [channel, speaker] of [[0, 'CONSULTANT'], [1, 'CLIENT']] as const) {
      const spans = await detectSpeechWith(factory, channels[channel]!);
      const agreement = speechAgreement(turns.filter((t) => t.speaker === speaker), spans);
      expect(agreement.recall, `${speaker} recall`).toBeGreaterThan(0.9);
      expect(agreement.precision, `${speaker} precision`).toBeGreaterThan(0.9);
      // Ten turns alternate: about five per side, not one span for the whole call nor one per word.
      expect(spans.length).toBeGreaterThanOrEqual(4);
      expect(spans.length).toBeLessThanOrEqual(15);
    }
  });
});

describe('detectSpeechWith, batch rules', () => {
  test('silence is no speech', async () => {
    expect(await detectSpeechWith(scripted(() => 0), new Int16Array(16_000 * 5))).toEqual([]);
  });

  test('pauses under 400 ms are merged, longer ones are not', async () => {
    const speech = (ms: number) => (ms < 2000 || (ms >= 2300 && ms < 4000) || (ms >= 5500 && ms < 7000) ? 1 : 0);
    const spans = await detectSpeechWith(scripted(speech), new Int16Array(16_000 * 8));
    expect(spans).toHaveLength(2);
    expect(spans[0]!.startMs).toBe(0);
    expect(spans[0]!.endMs).toBeGreaterThan(4000);
    expect(spans[1]!.startMs).toBeLessThan(5500);
  });

  test('no span is longer than 30 s; a long one is split at its quietest frame', async () => {
    const dip = (ms: number) => (ms >= 25_000 && ms < 25_064 ? 0.4 : 1);
    const spans = await detectSpeechWith(scripted(dip), new Int16Array(16_000 * 70));
    expect(spans.every((s) => s.endMs - s.startMs <= 30_000)).toBe(true);
    expect(spans[0]!.endMs).toBeGreaterThanOrEqual(25_000);
    expect(spans[0]!.endMs).toBeLessThan(25_100);
    expect(spans.at(-1)!.endMs).toBe(70_000);
    expect(spans.slice(1).every((s, i) => s.startMs === spans[i]!.endMs)).toBe(true);
  });

  test('only 16 kHz', async () => {
    await expect(detectSpeechWith(scripted(() => 0), new Int16Array(800), 8000)).rejects.toThrow(/16000 Hz/);
  });
});
