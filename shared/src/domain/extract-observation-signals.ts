import type { ObservationSignals } from '../schemas/analysis';
import type { KnowledgeModule, SignalLexicon } from '../schemas/knowledge-pack';
import { analyzeSentiment } from './client-sentiment';
import { detectLanguage } from './detect-language';
import { detectModules } from './detect-modules';
import { detectSignals } from './detect-signals';
import { extractEntities } from './extract-entities';
import { toWords } from './match-terms';

/** What the extractor needs of the pack: a whole `KnowledgePack` fits, and so does a fixture with only keywords. */
export type ExtractorPack = {
  modules: readonly Pick<KnowledgeModule, 'id' | 'keywords'>[];
  signals: SignalLexicon;
};

/**
 * The deterministic extractor: everything rules mode reads out of one observation (a note, a page
 * selection, a transcript segment) before retrieval and scoring: its language, the knowledge
 * modules it touches, the facts in it (entities), the client's mood and the qualitative signals.
 * Pure and fast (well under 2 ms for a 2,000-character note); the pack's keyword and signal
 * lexicons are compiled once per pack object.
 */
export function extractObservationSignals(text: string, pack: ExtractorPack): ObservationSignals {
  const nfc = text.normalize('NFC');
  const words = toWords(nfc);
  const language = detectLanguage(nfc, words);
  const entities = extractEntities(nfc, words);
  const { evidence, ...sentiment } = analyzeSentiment(nfc, language, words);
  return {
    language,
    modules: detectModules(words, pack.modules),
    entities,
    sentiment,
    signals: detectSignals(words, pack.signals, entities, { ...sentiment, evidence }),
  };
}
