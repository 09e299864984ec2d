export type CallReportErrorCode = 'BAD_TIME_ZONE' | 'BAD_DATE';

/** Report options or data that cannot be rendered; nothing is produced. */
export class CallReportError extends Error {
  constructor(
    readonly code: CallReportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallReportError';
  }
}
