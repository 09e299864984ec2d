import { describe, expect, test, vi } from 'vitest';
import type { SpeechClassifierFactory } from '../../modules/calls/ports';
import { createSileroClassifierFactory, SileroLoadError } from './silero-classifier';
import { createSpeechClassifierFactory } from './speech-classifier';

const logger = () => ({ warn: vi.fn() });
const cannotLoad = async (): Promise<SpeechClassifierFactory> => {
  throw new SileroLoadError('RUNTIME_MISSING', 'onnxruntime-node cannot be loaded: gone');
};

describe('createSpeechClassifierFactory (SUFLER_VAD)', () => {
  test.each([
    ['energy', 'energy'],
    ['silero', 'silero'],
    ['auto', 'silero'],
  ] as const)('%s makes %s classifiers here', async (choice, name) => {
    const log = logger();
    const factory = await createSpeechClassifierFactory(choice, log);
    expect(factory.name).toBe(name);
    const classifier = await factory.create();
    expect(classifier.name).toBe(name);
    expect(await classifier.classify(new Int16Array(classifier.frameSamples))).toBeLessThan(0.5);
    expect(log.warn).not.toHaveBeenCalled();
  });

  test('auto falls back to the energy detector, with a warning, when Silero cannot load', async () => {
    const log = logger();
    const factory = await createSpeechClassifierFactory('auto', log, cannotLoad);
    expect(factory.name).toBe('energy');
    expect(log.warn).toHaveBeenCalledOnce();
    expect(String(log.warn.mock.calls[0]![1])).toMatch(/Silero VAD cannot load/);
  });

  test('silero does not fall back: the setting would be ignored unnoticed', async () => {
    await expect(createSpeechClassifierFactory('silero', logger(), cannotLoad)).rejects.toMatchObject({ code: 'RUNTIME_MISSING' });
  });

  test('the real loader is the default one', async () => {
    expect((await createSileroClassifierFactory()).name).toBe('silero');
  });
});
