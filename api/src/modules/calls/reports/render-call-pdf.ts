import PDFDocument from 'pdfkit';
import type { CallDetail } from '@sufler/shared';
import { addPageNumbers } from './add-page-numbers';
import type { PdfContext } from './pdf-context';
import { drawHeader } from './draw-header';
import { drawMetrics } from './draw-metrics';
import { drawScores } from './draw-scores';
import { drawSentimentChart } from './draw-sentiment-chart';
import { drawTranscript } from './draw-transcript';
import { reportFont } from './report-font';
import { createDateTimeFormatter, createNumberFormatter, resolveTimeZone, type ReportOptions } from './report-format';
import { REPORT_LABELS } from './report-labels';

/**
 * One call as a PDF (issue 5, "Exports"): header, scores with evidence and overrides, the client-sentiment
 * chart, the consultant's behavioural metrics and the transcript, with "Strona N z M" on every page.
 */
export async function renderCallPdf(call: CallDetail, options: ReportOptions): Promise<Buffer> {
  const timeZone = resolveTimeZone(options.timeZone);
  const t = REPORT_LABELS[options.language];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 48, left: 44, right: 44 },
    bufferPages: true,
    lang: options.language,
    displayTitle: true,
    info: {
      Title: `${t.report}: ${call.title}`,
      Author: 'Sufler',
      Subject: `${call.consultant.email}${call.client ? ` · ${call.client.name}` : ''}`,
      Creator: 'Sufler',
      CreationDate: options.generatedAt,
      ModDate: options.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', reportFont('regular'));
  doc.registerFont('bold', reportFont('bold'));
  doc.font('regular');
  const ctx: PdfContext = {
    doc,
    t,
    language: options.language,
    dateTime: createDateTimeFormatter(options.language, timeZone),
    decimal: createNumberFormatter(options.language, { maximumFractionDigits: 2 }),
    percent: createNumberFormatter(options.language, { style: 'percent', maximumFractionDigits: 0 }),
  };
  drawHeader(ctx, call, options.generatedAt);
  drawScores(ctx, call.evaluation);
  drawSentimentChart(ctx, call);
  drawMetrics(ctx, call.metrics);
  drawTranscript(ctx, call.segments);
  addPageNumbers(ctx, call.title);
  doc.end();
  return done;
}
