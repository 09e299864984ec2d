import { UploadResultSchema, type CallFilters, type ConsultantChannel, type UploadResult } from '@sufler/shared';
import type { Language } from '../../lib/settings';
import { CallsHttpError, httpErrorFrom } from './calls-http-error';
import { exportQuery, filenameFrom } from './export-query';
import { sendForm, type XhrLike } from './upload-request';

/** The optional text fields of an upload (UploadOptionsSchema); the API applies the defaults. */
export interface UploadFields {
  scorecardKey?: string;
  consultantChannel?: ConsultantChannel;
  consultantId?: string;
  clientId?: string;
  title?: string;
  recordedAt?: string;
}

export interface Download {
  blob: Blob;
  filename: string;
}

/**
 * The call routes with binary bodies, which tRPC does not carry: upload, the recording, the PDF and XLSX.
 * Every request has `Authorization: Bearer`; failures are `CallsHttpError`s.
 */
export interface CallsHttp {
  upload(file: File, fields: UploadFields, opts?: { onProgress?: (fraction: number) => void; signal?: AbortSignal }): Promise<UploadResult>;
  audio(callId: string, signal?: AbortSignal): Promise<Blob>;
  reportPdf(callId: string, lang: Language): Promise<Download>;
  exportXlsx(filters: CallFilters, lang: Language): Promise<Download>;
}

export interface CallsHttpOptions {
  apiUrl: string;
  getToken: () => string | undefined;
  /**
   * Renews the access token after a 401; true when there is a new one to try. The app does it with a tRPC
   * query, whose link refreshes once for everyone (refresh tokens are single-use, see lib/api-client).
   */
  refresh: () => Promise<boolean>;
  fetch?: typeof fetch;
  createXhr?: () => XhrLike;
}

export function createCallsHttp({ apiUrl, getToken, refresh, fetch: fetchImpl, createXhr }: CallsHttpOptions): CallsHttp {
  const base = `${apiUrl.replace(/\/+$/, '')}/api/calls`;
  const doFetch = fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const newXhr = createXhr ?? (() => new XMLHttpRequest() as unknown as XhrLike);

  /** Sends, and after a 401 refreshes and sends once more with the new token. */
  const authed = async <T extends { status: number }>(send: (token: string | undefined) => Promise<T>): Promise<T> => {
    const first = await send(getToken());
    if (first.status !== 401 || !(await refresh())) return first;
    return send(getToken());
  };

  const get = async (path: string, signal?: AbortSignal): Promise<Response> => {
    const response = await authed(async (token) => {
      try {
        return await doFetch(`${base}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal });
      } catch (error) {
        if (signal?.aborted) throw new CallsHttpError('ABORTED', 'aborted');
        throw new CallsHttpError('NETWORK', error instanceof Error ? error.message : 'no answer from the API');
      }
    });
    if (!response.ok) throw httpErrorFrom(response.status, await response.text().catch(() => ''));
    return response;
  };

  const download = async (path: string, fallback: string): Promise<Download> => {
    const response = await get(path);
    return { blob: await response.blob(), filename: filenameFrom(response.headers.get('content-disposition'), fallback) };
  };

  return {
    async upload(file, fields, opts = {}) {
      const form = new FormData();
      // Text fields first: a streaming parser on the server knows the options before the audio arrives.
      for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== '') form.append(name, value);
      form.append('file', file, file.name);
      const sent = await authed((token) => sendForm({ createXhr: newXhr, url: base, token, form, ...opts }));
      if (sent.status !== 200 && sent.status !== 201) throw httpErrorFrom(sent.status, sent.body);
      let parsed: unknown;
      try {
        parsed = JSON.parse(sent.body);
      } catch {
        throw new CallsHttpError('BAD_RESPONSE', 'the answer is not JSON', sent.status);
      }
      const result = UploadResultSchema.safeParse(parsed);
      if (!result.success) throw new CallsHttpError('BAD_RESPONSE', 'the answer is not an upload result', sent.status);
      return result.data;
    },
    audio: async (callId, signal) => (await get(`/${encodeURIComponent(callId)}/audio`, signal)).blob(),
    reportPdf: (callId, lang) => download(`/${encodeURIComponent(callId)}/report.pdf?lang=${lang}`, `rozmowa-${callId}.pdf`),
    exportXlsx: (filters, lang) => download(`/export.xlsx?${exportQuery(filters, lang)}`, lang === 'pl' ? 'rozmowy.xlsx' : 'calls.xlsx'),
  };
}

/** Saves a fetched file the way a link with `download` would: an object URL, a click, then the URL freed. */
export function saveDownload({ blob, filename }: Download, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Freed later, not at once: Firefox may not have started reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
