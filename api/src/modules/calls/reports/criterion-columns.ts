import type { CriterionResult } from '@sufler/shared';
import type { CallExportRow } from './call-export-row';

/** One criterion column of the export: criteria of different scorecards never share a column. */
export type CriterionColumn = {
  key: string;
  scorecardKey: string;
  criterionId: string;
  label: string;
  /** "SALES · Analiza potrzeb" */
  header: string;
};

export type CriterionTally = CriterionColumn & { evaluated: number; counts: Record<CriterionResult, number> };

export const criterionKey = (scorecardKey: string, criterionId: string) => `${scorecardKey}\u0000${criterionId}`;

/**
 * The union of criteria over all rows, scorecard by scorecard in the order they first appear. Criterion
 * ids are stable across scorecard versions, so a renamed criterion keeps its column and shows the label
 * of the newest version seen.
 */
export function collectCriterionColumns(rows: readonly CallExportRow[]): CriterionColumn[] {
  const byScorecard = new Map<string, Map<string, { label: string; version: number }>>();
  for (const row of rows) {
    const scorecardKey = row.call.scorecardKey;
    let criteria = byScorecard.get(scorecardKey);
    if (!criteria) byScorecard.set(scorecardKey, (criteria = new Map()));
    const version = row.scorecardVersion ?? 0;
    for (const c of row.criteria) {
      const seen = criteria.get(c.criterionId);
      if (!seen || version > seen.version) criteria.set(c.criterionId, { label: c.label, version });
    }
  }
  return [...byScorecard].flatMap(([scorecardKey, criteria]) =>
    [...criteria].map(([criterionId, { label }]) => ({
      key: criterionKey(scorecardKey, criterionId),
      scorecardKey,
      criterionId,
      label,
      header: `${scorecardKey} · ${label}`,
    })),
  );
}

/** How often each column's criterion was met, partly met and not met, over the rows that have it. */
export function tallyCriteria(rows: readonly CallExportRow[], columns: readonly CriterionColumn[]): CriterionTally[] {
  const tallies = new Map(columns.map((c) => [c.key, { ...c, evaluated: 0, counts: { met: 0, partly: 0, not_met: 0 } }]));
  for (const row of rows) {
    for (const c of row.criteria) {
      const tally = tallies.get(criterionKey(row.call.scorecardKey, c.criterionId));
      if (!tally) continue;
      tally.evaluated++;
      tally.counts[c.result]++;
    }
  }
  return [...tallies.values()];
}
