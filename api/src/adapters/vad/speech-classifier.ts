import type { Logger } from '../../logger';
import type { SpeechClassifierFactory } from '../../modules/calls/ports';
import { createEnergyClassifierFactory } from './energy-classifier-factory';
import { createSileroClassifierFactory } from './silero-classifier';

export type SpeechClassifierChoice = 'silero' | 'energy' | 'auto';

/**
 * The voice-activity classifier SUFLER_VAD names: `silero` (an error if it cannot load), `energy`, or
 * `auto`: Silero, and the energy detector with a warning when Silero cannot load here.
 */
export async function createSpeechClassifierFactory(
  choice: SpeechClassifierChoice,
  logger: Pick<Logger, 'warn'>,
  loadSilero: () => Promise<SpeechClassifierFactory> = createSileroClassifierFactory,
): Promise<SpeechClassifierFactory> {
  if (choice === 'energy') return createEnergyClassifierFactory();
  if (choice === 'silero') return loadSilero();
  try {
    return await loadSilero();
  } catch (error) {
    logger.warn({ err: error }, 'Silero VAD cannot load: the energy detector finds speech instead (set SUFLER_VAD=energy to silence this)');
    return createEnergyClassifierFactory();
  }
}
