import type { CallDetail } from '@sufler/shared';
import { PDF_COLORS, contentWidth, heading, type PdfContext } from './pdf-context';
import { formatClock } from './report-format';
import { timeTicks } from './time-ticks';

const HEIGHT = 170;
const AXIS_LEFT = 34;
const AXIS_BOTTOM = 20;
const Y_LEVELS = [1, 0.5, 0, -0.5, -1];
/** Past this many points the dots merge into a band; the line alone reads better. */
const MAX_DOTS = 120;

const pointColor = (score: number) =>
  score > 0.2 ? PDF_COLORS.positive : score < -0.2 ? PDF_COLORS.negative : PDF_COLORS.neutral;

/**
 * The client's sentiment (−1…1) over the call's time line, drawn as vector paths so it stays sharp
 * when printed and its labels stay text. Each point sits at the middle of its segment.
 */
export function drawSentimentChart(ctx: PdfContext, call: CallDetail): void {
  const { doc, t } = ctx;
  heading(ctx, t.sentimentHeading, HEIGHT);
  const points = [...call.sentimentTimeline].sort((a, b) => a.startMs - b.startMs);
  if (points.length === 0) {
    doc.text(t.noSentiment);
    return;
  }
  const left = doc.page.margins.left + AXIS_LEFT;
  const top = doc.y + 6;
  const width = contentWidth(doc) - AXIS_LEFT;
  const plotHeight = HEIGHT - AXIS_BOTTOM - 6;
  const durationMs = Math.max(call.durationMs, ...points.map((p) => p.endMs), 1);
  const xAt = (ms: number) => left + (Math.min(ms, durationMs) / durationMs) * width;
  const yAt = (score: number) => top + ((1 - score) / 2) * plotHeight;

  doc.save().lineWidth(0.5).strokeColor(PDF_COLORS.rule);
  doc.rect(left, top, width, plotHeight).stroke();
  doc.font('regular').fontSize(7.5).fillColor(PDF_COLORS.muted);
  for (const level of Y_LEVELS) {
    const y = yAt(level);
    if (level !== 0 && Math.abs(level) !== 1) doc.moveTo(left, y).lineTo(left + width, y).dash(2, { space: 3 }).stroke().undash();
    const label = level > 0 ? `+${ctx.decimal(level)}` : level < 0 ? `−${ctx.decimal(-level)}` : '0';
    doc.text(label, doc.page.margins.left, y - 4, { width: AXIS_LEFT - 5, align: 'right', lineBreak: false });
  }
  doc.lineWidth(1).strokeColor(PDF_COLORS.muted).moveTo(left, yAt(0)).lineTo(left + width, yAt(0)).stroke();

  for (const at of timeTicks(durationMs)) {
    const x = xAt(at);
    doc.lineWidth(0.5).strokeColor(PDF_COLORS.muted).moveTo(x, top + plotHeight).lineTo(x, top + plotHeight + 3).stroke();
    doc.text(formatClock(at), x - 20, top + plotHeight + 5, { width: 40, align: 'center', lineBreak: false });
  }

  const centre = (p: (typeof points)[number]) => ({ x: xAt((p.startMs + p.endMs) / 2), y: yAt(p.score) });
  const first = centre(points[0]!);
  doc.lineWidth(1.2).strokeColor('#3e6fb0').moveTo(first.x, first.y);
  for (const p of points.slice(1)) {
    const c = centre(p);
    doc.lineTo(c.x, c.y);
  }
  doc.stroke();
  for (const p of points.length <= MAX_DOTS ? points : []) {
    const c = centre(p);
    doc.circle(c.x, c.y, 2.4).fill(pointColor(p.score));
  }
  doc.restore();

  doc.x = doc.page.margins.left;
  doc.y = top + HEIGHT;
  doc.font('regular').fontSize(9.5).fillColor(PDF_COLORS.text);
}
