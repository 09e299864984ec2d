import type { CallDetail } from '@sufler/shared';
import { PDF_COLORS, field, type PdfContext } from './pdf-context';
import { formatClock } from './report-format';

/** Title block: who, when, how long, on which scorecard, and the total the rest of the report explains. */
export function drawHeader(ctx: PdfContext, call: CallDetail, generatedAt: Date): void {
  const { doc, t } = ctx;
  doc.font('regular').fontSize(9).fillColor(PDF_COLORS.muted).text(t.report.toUpperCase(), { characterSpacing: 1 });
  doc.font('bold').fontSize(18).fillColor(PDF_COLORS.text).text(call.title);
  doc.moveDown(0.6);

  const evaluation = call.evaluation;
  const scorecard = evaluation
    ? `${evaluation.scorecardName} (${evaluation.scorecardKey}), ${t.version} ${evaluation.scorecardVersion}`
    : call.scorecardKey;
  field(ctx, t.consultant, call.consultant.email);
  field(ctx, t.client, call.client?.name ?? t.noClient);
  field(ctx, t.recordedAt, ctx.dateTime(call.recordedAt));
  field(ctx, t.duration, formatClock(call.durationMs));
  field(ctx, t.scorecard, scorecard);
  field(ctx, t.status, t.statuses[call.status]);
  field(ctx, t.total, evaluation ? `${ctx.decimal(evaluation.total)} / 100` : t.notEvaluated);
  if (call.sentiment !== null) field(ctx, t.meanSentiment, ctx.decimal(call.sentiment));
  field(ctx, t.generated, ctx.dateTime(generatedAt));

  if (evaluation?.autoFailed) {
    doc.moveDown(0.3);
    doc.font('bold').fontSize(10.5).fillColor(PDF_COLORS.alarm).text(t.autoFailed);
    doc.font('regular').fillColor(PDF_COLORS.text);
  }
}
