import type { CallScore, CriterionScore } from '@sufler/shared';
import { PDF_COLORS, contentWidth, heading, type PdfContext } from './pdf-context';
import { formatClock } from './report-format';

/** Column widths as shares of the content width: criterion, weight, automatic, override, evidence, source. */
const SHARES = [0.2, 0.08, 0.14, 0.23, 0.27, 0.08];

function evidenceText(ctx: PdfContext, score: CriterionScore): string {
  const evidence = score.automatic.evidence;
  const quote = evidence ? `${ctx.t.quote(evidence.quote)} (${formatClock(evidence.atMs)})` : '—';
  return score.automatic.rationale ? `${quote}\n${score.automatic.rationale}` : quote;
}

function overrideText(ctx: PdfContext, score: CriterionScore): string {
  if (!score.override) return '—';
  return `${ctx.t.results[score.override.result]}: ${score.override.comment}`;
}

/** The scorecard as a table (pdfkit's own table: it breaks between rows across pages). */
export function drawScores(ctx: PdfContext, evaluation: CallScore | null): void {
  const { doc, t } = ctx;
  heading(ctx, t.scoresHeading);
  if (!evaluation) {
    doc.text(t.notEvaluated);
    return;
  }
  const width = contentWidth(doc);
  const header = [t.criterion, t.weight, t.automatic, t.override, t.evidence, t.source].map((text) => ({
    text,
    font: { src: 'bold' },
    backgroundColor: PDF_COLORS.headerFill,
  }));
  const table = doc.fontSize(8.5).table({
    position: { x: doc.page.margins.left },
    columnStyles: SHARES.map((share) => Math.floor(share * width)),
    defaultStyle: { border: 0.5, borderColor: PDF_COLORS.rule, padding: 4 },
  });
  table.row(header);
  for (const score of evaluation.criteria) {
    const label = score.autoFail ? `${score.label} (${t.autoFailMark})` : score.label;
    table.row([
      label,
      String(score.weight),
      { text: t.results[score.automatic.result], backgroundColor: PDF_COLORS.results[score.automatic.result] },
      score.override
        ? { text: overrideText(ctx, score), backgroundColor: PDF_COLORS.results[score.override.result] }
        : overrideText(ctx, score),
      evidenceText(ctx, score),
      t.sources[score.automatic.source],
    ]);
  }
  table.end();
  doc.x = doc.page.margins.left;
  doc.fontSize(9.5);
}
