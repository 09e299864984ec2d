export { renderCallPdf } from './render-call-pdf';
export { renderCallsXlsx } from './render-calls-xlsx';
export type { CallExportRow } from './call-export-row';
export { CallReportError, type CallReportErrorCode } from './call-report-error';
export { DEFAULT_REPORT_TIME_ZONE, type ReportLanguage, type ReportOptions } from './report-format';
