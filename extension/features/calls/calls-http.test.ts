import { describe, expect, test, vi } from 'vitest';
import { createCallsHttp } from './calls-http';
import { CallsHttpError } from './calls-http-error';
import { callSummary } from './test-fixtures';
import type { XhrLike } from './upload-request';

const API = 'http://sufler.test:8787/';

/** An XMLHttpRequest stand-in: records what was sent; the test answers, fails or reports progress. */
class FakeXhr implements XhrLike {
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  aborted = false;
  upload: XhrLike['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  constructor() {
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

/** Lets the promise chain reach the next XHR (the retry after a refresh is asynchronous). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup({ refresh = async () => false, token = 'tok-1' }: { refresh?: () => Promise<boolean>; token?: string } = {}) {
  FakeXhr.all = [];
  let current = token;
  const fetch = vi.fn<typeof globalThis.fetch>();
  const http = createCallsHttp({
    apiUrl: API,
    getToken: () => current,
    refresh: vi.fn(async () => {
      const ok = await refresh();
      if (ok) current = 'tok-2';
      return ok;
    }),
    fetch,
    createXhr: () => new FakeXhr(),
  });
  return { http, fetch, xhr: () => FakeXhr.all.at(-1)! };
}

const audioFile = () => new File([new Uint8Array([1, 2, 3, 4])], 'rozmowa.wav', { type: 'audio/wav' });

describe('upload', () => {
  test('posts the fields and the file with the bearer token, reports progress and parses the call', async () => {
    const { http, xhr } = setup();
    const progress: number[] = [];
    const done = http.upload(audioFile(), { scorecardKey: 'SERVICE', consultantChannel: 'right', title: undefined }, { onProgress: (f) => progress.push(f) });
    const request = xhr();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://sufler.test:8787/api/calls');
    expect(request.headers).toEqual({ Authorization: 'Bearer tok-1' });
    // Text fields before the audio; unset ones are not sent.
    expect([...request.body!.keys()]).toEqual(['scorecardKey', 'consultantChannel', 'file']);
    expect(request.body!.get('consultantChannel')).toBe('right');
    expect((request.body!.get('file') as File).name).toBe('rozmowa.wav');
    request.upload.onprogress?.({ lengthComputable: true, loaded: 25, total: 100 });
    request.upload.onprogress?.({ lengthComputable: false, loaded: 50, total: 0 });
    request.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
    request.answer(201, { call: callSummary(), duplicate: false });
    await expect(done).resolves.toEqual({ call: callSummary(), duplicate: false });
    expect(progress).toEqual([0.25, 1]);
  });

  test('a known duplicate comes back as 200 with duplicate: true', async () => {
    const { http, xhr } = setup();
    const done = http.upload(audioFile(), {});
    xhr().answer(200, { call: callSummary(), duplicate: true });
    await expect(done).resolves.toMatchObject({ duplicate: true });
  });

  test.each([
    [413, { error: { code: 'TOO_LARGE', message: 'limit 200 MB' } }, 'TOO_LARGE', 'limit 200 MB'],
    [415, '', 'UNSUPPORTED_TYPE', 'HTTP 415'],
    [422, { error: { code: 'UNDECODABLE', message: 'ffmpeg: invalid data' } }, 'UNDECODABLE', 'ffmpeg: invalid data'],
    [400, { error: { code: 'EMPTY_FILE', message: 'empty' } }, 'EMPTY_FILE', 'empty'],
    [400, { error: { code: 'BAD_OPTIONS', message: 'scorecardKey' } }, 'BAD_OPTIONS', 'scorecardKey'],
    [409, { error: { code: 'DUPLICATE_OF_OTHER', message: 'another consultant' } }, 'DUPLICATE_OF_OTHER', 'another consultant'],
    [400, { error: { code: 'SOMETHING_NEW', message: 'new code' } }, 'HTTP', 'new code'],
    [502, '<html>Bad gateway</html>', 'HTTP', 'HTTP 502'],
    [201, 'not json', 'BAD_RESPONSE', 'the answer is not JSON'],
    [201, { call: { id: 'x' }, duplicate: false }, 'BAD_RESPONSE', 'the answer is not an upload result'],
  ])('status %i with %j is %s', async (status, body, code, message) => {
    const { http, xhr } = setup();
    const done = http.upload(audioFile(), {});
    xhr().answer(status, body);
    await expect(done).rejects.toMatchObject({ name: 'CallsHttpError', code, message, status });
  });

  test('a 401 refreshes the token once and sends again with the new one', async () => {
    const { http, xhr } = setup({ refresh: async () => true });
    const done = http.upload(audioFile(), {});
    xhr().answer(401, { error: { code: 'UNAUTHORIZED', message: 'expired' } });
    await settle();
    expect(FakeXhr.all).toHaveLength(2);
    expect(xhr().headers.Authorization).toBe('Bearer tok-2');
    xhr().answer(201, { call: callSummary(), duplicate: false });
    await expect(done).resolves.toMatchObject({ duplicate: false });
  });

  test('a 401 that no refresh can mend is UNAUTHORIZED, sent once', async () => {
    const { http, xhr } = setup({ refresh: async () => false });
    const done = http.upload(audioFile(), {});
    xhr().answer(401, { error: { code: 'UNAUTHORIZED', message: 'expired' } });
    await expect(done).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(FakeXhr.all).toHaveLength(1);
  });

  test('an abort cancels the request; no answer is NETWORK', async () => {
    const { http, xhr } = setup();
    const controller = new AbortController();
    const cancelled = http.upload(audioFile(), {}, { signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'ABORTED' });
    expect(xhr().aborted).toBe(true);

    const lost = http.upload(audioFile(), {});
    xhr().onerror?.();
    await expect(lost).rejects.toBeInstanceOf(CallsHttpError);
    await expect(lost).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('downloads', () => {
  test('the recording is fetched with the bearer token, and again after a refresh on 401', async () => {
    const { http, fetch } = setup({ refresh: async () => true });
    fetch.mockResolvedValueOnce(new Response('', { status: 401 })).mockResolvedValueOnce(new Response(new Blob(['RIFF']), { status: 200 }));
    const blob = await http.audio('c1');
    expect(await blob.text()).toBe('RIFF');
    expect(fetch.mock.calls.map(([url, init]) => [url, (init?.headers as Record<string, string>).Authorization])).toEqual([
      ['http://sufler.test:8787/api/calls/c1/audio', 'Bearer tok-1'],
      ['http://sufler.test:8787/api/calls/c1/audio', 'Bearer tok-2'],
    ]);
  });

  test('the PDF asks in the given language and takes its name from Content-Disposition', async () => {
    const { http, fetch } = setup();
    fetch.mockResolvedValueOnce(
      new Response(new Blob(['%PDF']), { headers: { 'content-disposition': "attachment; filename*=UTF-8''rozmowa-%C5%BC.pdf" } }),
    );
    const file = await http.reportPdf('c1', 'en');
    expect(fetch.mock.calls[0]![0]).toBe('http://sufler.test:8787/api/calls/c1/report.pdf?lang=en');
    expect(file.filename).toBe('rozmowa-ż.pdf');
  });

  test('the XLSX carries the filters as query parameters; a refusal is a typed error', async () => {
    const { http, fetch } = setup();
    fetch.mockResolvedValueOnce(new Response(new Blob(['PK']))).mockResolvedValueOnce(
      new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no such call' } }), { status: 404 }),
    );
    const file = await http.exportXlsx({ scorecardKey: 'SALES', minScore: 50, q: 'leasing' }, 'pl');
    expect(fetch.mock.calls[0]![0]).toBe('http://sufler.test:8787/api/calls/export.xlsx?lang=pl&scorecardKey=SALES&minScore=50&q=leasing');
    expect(file.filename).toBe('rozmowy.xlsx');
    await expect(http.reportPdf('gone', 'pl')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no such call', status: 404 });
  });

  test('a refused connection is NETWORK', async () => {
    const { http, fetch } = setup();
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(http.audio('c1')).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
