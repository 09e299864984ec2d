import { CallsHttpError } from './calls-http-error';

/** The part of XMLHttpRequest an upload uses; fetch cannot report upload progress, XHR can. Tests pass a fake. */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
  readonly status: number;
  readonly responseText: string;
}

export interface SentRequest {
  status: number;
  body: string;
}

/**
 * POSTs `form` and resolves with whatever status came back (the caller decides what it means). Rejects only
 * when no answer came (NETWORK) or `signal` aborted it (ABORTED). `onProgress` gets the fraction sent, 0…1.
 */
export function sendForm({
  createXhr,
  url,
  token,
  form,
  onProgress,
  signal,
}: {
  createXhr: () => XhrLike;
  url: string;
  token: string | undefined;
  form: FormData;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<SentRequest> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CallsHttpError('ABORTED', 'aborted'));
    const xhr = createXhr();
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, body: xhr.responseText });
    };
    xhr.onerror = () => {
      done();
      reject(new CallsHttpError('NETWORK', 'no answer from the API'));
    };
    xhr.onabort = () => {
      done();
      reject(new CallsHttpError('ABORTED', 'aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}
