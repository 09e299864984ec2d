import type { ScorecardInput } from '../../../schemas/call';
import { COLLECTIONS_SCORECARD } from './collections-scorecard';
import { RETENTION_SCORECARD } from './retention-scorecard';
import { SALES_SCORECARD } from './sales-scorecard';
import { SERVICE_SCORECARD } from './service-scorecard';

export { COLLECTIONS_SCORECARD, RETENTION_SCORECARD, SALES_SCORECARD, SERVICE_SCORECARD };

/**
 * The four predefined Polish templates (issue 5, "Scorecards"): the API seeds them as version 1 of
 * each key and admins edit them from there. Weights sum to 100; `evidence` phrases are what the
 * phrase rules find in a transcript and what the LLM is shown as examples.
 */
export const BUILT_IN_SCORECARDS: readonly ScorecardInput[] = [
  SALES_SCORECARD,
  SERVICE_SCORECARD,
  RETENTION_SCORECARD,
  COLLECTIONS_SCORECARD,
];
