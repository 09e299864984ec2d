import type { TranscriptSegment } from '@sufler/shared';
import { PDF_COLORS, contentWidth, heading, pageBottom, type PdfContext } from './pdf-context';
import { formatClock } from './report-format';

const TIME_WIDTH = 40;
const SPEAKER_WIDTH = 82;
const GAP = 4;

/**
 * The transcript as three columns (mm:ss, speaker, text). A segment that does not fit the rest of the page
 * starts a new one so its time and label stay next to its text; only a very long segment flows on.
 */
export function drawTranscript(ctx: PdfContext, segments: TranscriptSegment[]): void {
  const { doc, t } = ctx;
  heading(ctx, t.transcriptHeading);
  if (segments.length === 0) {
    doc.text(t.noTranscript);
    return;
  }
  const left = doc.page.margins.left;
  const textLeft = left + TIME_WIDTH + SPEAKER_WIDTH;
  const textWidth = contentWidth(doc) - TIME_WIDTH - SPEAKER_WIDTH;
  // Up to a third of a page is kept on one page; a longer segment may flow on.
  const keepTogether = (pageBottom(doc) - doc.page.margins.top) / 3;
  doc.font('regular').fontSize(9);
  for (const segment of [...segments].sort((a, b) => a.index - b.index)) {
    const text = segment.text.trim() || '…';
    const height = doc.heightOfString(text, { width: textWidth });
    if (doc.y + Math.min(height, keepTogether) > pageBottom(doc)) doc.addPage();
    const y = doc.y;
    const speaker = segment.speaker ? t.speakers[segment.speaker] : t.unassigned;
    doc.font('regular').fillColor(PDF_COLORS.muted).text(formatClock(segment.startMs), left, y, { width: TIME_WIDTH, lineBreak: false });
    doc.font('bold').fillColor(segment.speaker === 'CLIENT' ? '#3e6fb0' : PDF_COLORS.text);
    doc.text(speaker, left + TIME_WIDTH, y, { width: SPEAKER_WIDTH - 6, lineBreak: false });
    doc.font('regular').fillColor(PDF_COLORS.text).text(text, textLeft, y, { width: textWidth });
    doc.y += GAP;
  }
  doc.x = left;
}
