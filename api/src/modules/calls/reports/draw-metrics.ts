import type { ConsultantMetrics } from '@sufler/shared';
import { PDF_COLORS, field, heading, type PdfContext } from './pdf-context';
import { formatClock } from './report-format';

/** The consultant's behavioural metrics, and the reason there is nothing about their emotions. */
export function drawMetrics(ctx: PdfContext, metrics: ConsultantMetrics | null): void {
  const { doc, t } = ctx;
  heading(ctx, t.metricsHeading, 120);
  if (metrics) {
    const label = 200;
    field(ctx, t.talkRatio, ctx.percent(metrics.talkRatio), label);
    field(ctx, t.longestMonologue, formatClock(metrics.longestMonologueMs), label);
    field(ctx, t.interruptions, String(metrics.interruptions), label);
    field(ctx, t.wordsPerMinute, ctx.decimal(metrics.wordsPerMinute), label);
    field(ctx, t.questions, String(metrics.questions), label);
  } else {
    doc.text(t.noMetrics);
  }
  doc.moveDown(0.4);
  doc.font('regular').fontSize(8.5).fillColor(PDF_COLORS.muted).text(t.noEmotionNote);
  doc.fontSize(9.5).fillColor(PDF_COLORS.text);
}
