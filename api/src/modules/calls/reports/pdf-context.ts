import type { ReportLabels } from './report-labels';
import type { ReportLanguage } from './report-format';

/** What every section of the call PDF draws with. */
export type PdfContext = {
  doc: PDFKit.PDFDocument;
  t: ReportLabels;
  language: ReportLanguage;
  dateTime: (iso: string | Date) => string;
  decimal: (n: number) => string;
  percent: (n: number) => string;
};

export const PDF_COLORS = {
  text: '#1f2933',
  muted: '#616e7c',
  rule: '#cbd2d9',
  headerFill: '#e4e7eb',
  alarm: '#b42318',
  positive: '#1b7f3b',
  negative: '#c0362c',
  neutral: '#7b8794',
  results: { met: '#dcf3e3', partly: '#fff1c2', not_met: '#fbdcdc' },
} as const;

export const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const pageBottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when the next block of `height` points would cross the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

/** A section heading; `keepWith` points of what follows must fit under it, or both move to the next page. */
export function heading(ctx: PdfContext, text: string, keepWith = 40): void {
  const { doc } = ctx;
  ensureSpace(doc, keepWith + 40);
  doc.moveDown(0.8);
  doc.x = doc.page.margins.left;
  doc.font('bold').fontSize(13).fillColor(PDF_COLORS.text).text(text);
  const y = doc.y + 2;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.margins.left + contentWidth(doc), y)
    .lineWidth(0.5)
    .strokeColor(PDF_COLORS.rule)
    .stroke();
  doc.y = y + 6;
  doc.font('regular').fontSize(9.5).fillColor(PDF_COLORS.text);
}

/** One "label: value" line with the label in a fixed column, so a block of them reads as a form. */
export function field(ctx: PdfContext, label: string, value: string, labelWidth = 150): void {
  const { doc } = ctx;
  const left = doc.page.margins.left;
  const valueWidth = contentWidth(doc) - labelWidth;
  doc.fontSize(10);
  ensureSpace(doc, Math.max(doc.heightOfString(label, { width: labelWidth - 8 }), doc.heightOfString(value, { width: valueWidth })));
  const y = doc.y;
  doc.font('bold').fillColor(PDF_COLORS.muted).text(label, left, y, { width: labelWidth - 8 });
  const labelBottom = doc.y;
  doc.font('regular').fillColor(PDF_COLORS.text).text(value, left + labelWidth, y, { width: valueWidth });
  doc.y = Math.max(doc.y, labelBottom) + 2;
  doc.x = left;
}
