import ExcelJS from 'exceljs';
import { CRITERION_RESULTS, type CriterionResult } from '@sufler/shared';
import type { CallExportRow } from './call-export-row';
import { collectCriterionColumns, criterionKey, tallyCriteria, type CriterionColumn } from './criterion-columns';
import { createWallClock, resolveTimeZone, type ReportOptions } from './report-format';
import { REPORT_LABELS, type ReportLabels } from './report-labels';

/** Excel's own good / neutral / bad cell styles, so the colours read as they do in any other sheet. */
const RESULT_STYLE: Record<CriterionResult, { fill: ExcelJS.Fill; font: Partial<ExcelJS.Font> }> = {
  met: { fill: solid('FFC6EFCE'), font: { color: { argb: 'FF006100' } } },
  partly: { fill: solid('FFFFEB9C'), font: { color: { argb: 'FF9C5700' } } },
  not_met: { fill: solid('FFFFC7CE'), font: { color: { argb: 'FF9C0006' } } },
};
const HEADER_FILL = solid('FFE4E7EB');
const MS_PER_DAY = 86_400_000;

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function baseColumns(t: ReportLabels): Partial<ExcelJS.Column>[] {
  return [
    { header: t.recordedAt, width: 17, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: t.title, width: 36 },
    { header: t.consultant, width: 28 },
    { header: t.client, width: 24 },
    // A day fraction, not text: the column sorts and sums as a duration and still reads mm:ss.
    { header: t.duration, width: 12, style: { numFmt: '[mm]:ss' } },
    { header: t.scorecard, width: 14 },
    { header: t.scorecardVersion, width: 10 },
    { header: t.total, width: 13, style: { numFmt: '0.0' } },
    { header: t.sentiment, width: 16, style: { numFmt: '0.00' } },
    { header: t.status, width: 18 },
  ];
}

function styleHeader(sheet: ExcelJS.Worksheet, columnCount: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= columnCount; c++) header.getCell(c).fill = HEADER_FILL;
  header.height = 32;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(columnCount, 1) } };
}

function addCallsSheet(wb: ExcelJS.Workbook, rows: readonly CallExportRow[], columns: CriterionColumn[], t: ReportLabels, timeZone: string) {
  const sheet = wb.addWorksheet(t.callsSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const base = baseColumns(t);
  sheet.columns = [
    ...base,
    ...columns.map((c) => ({ header: c.header, width: Math.min(30, Math.max(13, c.header.length * 0.75)) })),
  ];
  const wallClock = createWallClock(timeZone);
  for (const { call, scorecardVersion, criteria } of rows) {
    const results = new Map(criteria.map((c) => [criterionKey(call.scorecardKey, c.criterionId), c.result]));
    const row = sheet.addRow([
      wallClock(call.recordedAt),
      call.title,
      call.consultant.email,
      call.client?.name ?? null,
      call.durationMs / MS_PER_DAY,
      call.scorecardKey,
      scorecardVersion,
      call.score,
      call.sentiment,
      t.statuses[call.status],
      ...columns.map((c) => {
        const result = results.get(c.key);
        return result ? t.results[result] : null;
      }),
    ]);
    columns.forEach((c, i) => {
      const result = results.get(c.key);
      if (!result) return;
      const cell = row.getCell(base.length + i + 1);
      cell.fill = RESULT_STYLE[result].fill;
      cell.font = RESULT_STYLE[result].font;
    });
  }
  styleHeader(sheet, base.length + columns.length);
}

function addCriteriaSheet(wb: ExcelJS.Workbook, rows: readonly CallExportRow[], columns: CriterionColumn[], t: ReportLabels) {
  const sheet = wb.addWorksheet(t.criteriaSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: t.scorecard, width: 14 },
    { header: t.criterion, width: 40 },
    { header: t.callsEvaluated, width: 14 },
    ...CRITERION_RESULTS.map((r) => ({ header: t.results[r], width: 13 })),
    { header: t.metShare, width: 14, style: { numFmt: '0%' } },
  ];
  for (const tally of tallyCriteria(rows, columns)) {
    sheet.addRow([
      tally.scorecardKey,
      tally.label,
      tally.evaluated,
      ...CRITERION_RESULTS.map((r) => tally.counts[r]),
      tally.evaluated ? tally.counts.met / tally.evaluated : null,
    ]);
  }
  styleHeader(sheet, 4 + CRITERION_RESULTS.length);
}

/**
 * The filtered call list as XLSX (issue 5, "Exports"): one row per call, one column per criterion over
 * the union of the rows' scorecards, and a second sheet with the share met per criterion.
 */
export async function renderCallsXlsx(rows: readonly CallExportRow[], options: ReportOptions): Promise<Buffer> {
  const timeZone = resolveTimeZone(options.timeZone);
  const t = REPORT_LABELS[options.language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sufler';
  wb.created = options.generatedAt;
  wb.modified = options.generatedAt;
  const columns = collectCriterionColumns(rows);
  addCallsSheet(wb, rows, columns, t, timeZone);
  addCriteriaSheet(wb, rows, columns, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
