import { SIGNAL_IDS, SignalIdSchema, SignalLexiconSchema, type SignalLexicon } from '@sufler/shared';
import { z } from 'zod';

const TermStrengthSchema = SignalLexiconSchema.element.shape.terms.element;

/**
 * `signals.yaml` as the admin edits it: per signal, the Polish and the English terms in separate
 * lists, so it is plain which language a term serves and that both are covered. The loader merges
 * them into the SignalLexicon (Polish first).
 */
export const SignalsFileSchema = z.array(
  z.object({
    id: SignalIdSchema,
    pl: z.array(TermStrengthSchema).min(1),
    en: z.array(TermStrengthSchema).min(1),
  }),
);
export type SignalsFile = z.infer<typeof SignalsFileSchema>;

/** The lexicon in vocabulary order, whatever order the file lists the signals in. */
export function signalLexiconFrom(file: SignalsFile): SignalLexicon {
  return SIGNAL_IDS.flatMap((id) => file.filter((s) => s.id === id).map((s) => ({ id, terms: [...s.pl, ...s.en] })));
}
