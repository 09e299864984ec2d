import type { CallSummary, CriterionResult } from '@sufler/shared';

/** One call of the XLSX export: the list row plus the final result per criterion (override when there is one). */
export type CallExportRow = {
  call: CallSummary;
  /** The scorecard version the call was scored on; null until the scorecard stage has run. */
  scorecardVersion: number | null;
  criteria: { criterionId: string; label: string; result: CriterionResult }[];
};
