import type { Entity } from '../schemas/analysis';
import { extractBudget } from './extract-budget';
import { extractBusinessUse } from './extract-business-use';
import { extractCars } from './extract-cars';
import { extractFamily } from './extract-family';
import { extractTimeline } from './extract-timeline';
import { foldInPlace } from './fold-in-place';
import { toWords, type Words } from './match-terms';

const MAX_VALUE = 200;
const MAX_EVIDENCE = 300;

/**
 * Pulls the facts a rep would write on a client card out of one observation: budget, timeline,
 * competitor cars, the current car (and whether it is traded in), family, business use. These are
 * the entities the co-pilot keeps as key facts and the scoring rules read. Each has a normalised
 * `value` ("250 000 zł", "end_of_month", "BMW i4", "Audi A4 (2015, trade-in)", "children:2",
 * "company") and the `evidence` it was read from, as written. Pass `words` when the caller has
 * already split the text (`toWords`), so it is split once per observation.
 */
export function extractEntities(text: string, words?: Words): Entity[] {
  const nfc = text.normalize('NFC');
  const split = words && text === nfc ? words : toWords(nfc);
  const folded = foldInPlace(nfc);
  return [
    ...extractBudget(nfc, folded),
    ...extractTimeline(nfc, folded),
    ...extractCars(nfc, folded),
    ...extractFamily(nfc, folded),
    ...extractBusinessUse(nfc, split),
  ].map((e) => ({ kind: e.kind, value: e.value.slice(0, MAX_VALUE), evidence: e.evidence.slice(0, MAX_EVIDENCE) }));
}
