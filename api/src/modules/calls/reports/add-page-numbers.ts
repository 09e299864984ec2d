import { PDF_COLORS, contentWidth, type PdfContext } from './pdf-context';

/**
 * "Strona N z M" on every page. M is known only at the end, so the document buffers its pages
 * (`bufferPages`) and this goes back over them. The bottom margin is lifted while writing: text
 * below it would otherwise make pdfkit open a new page.
 */
export function addPageNumbers(ctx: PdfContext, title: string): void {
  const { doc, t } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom / 2 - 4;
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    doc.font('regular').fontSize(8).fillColor(PDF_COLORS.muted);
    doc.text(title, left, y, { width: width * 0.7, lineBreak: false, ellipsis: true, height: 10 });
    doc.text(t.page(i + 1 - range.start, range.count), left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
