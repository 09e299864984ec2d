import { createEnergyClassifier } from '@sufler/shared';
import type { SpeechClassifierFactory } from '../../modules/calls/ports';

/** The energy detector of `shared` (no model, always available) behind the asynchronous port. */
export function createEnergyClassifierFactory(): SpeechClassifierFactory {
  return {
    name: 'energy',
    async create() {
      const energy = createEnergyClassifier();
      return {
        name: 'energy',
        frameSamples: energy.frameSamples,
        classify: async (frame: Int16Array) => energy.classify(frame),
        reset: () => energy.reset(),
      };
    },
  };
}
