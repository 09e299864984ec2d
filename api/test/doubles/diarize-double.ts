import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type DiarizedTurn } from '../../src/adapters/diarizer/diarizer';
import { readBody, readForm, sendJson, sleep } from './http-double';
import { readWavInfo } from './wav';

/**
 * A stand-in for a diarization service speaking `POST /v1/diarize` (api/src/adapters/diarizer/README.md):
 * a real `node:http` server that parses the multipart upload, checks it is a WAV and answers the
 * turns it was given, in seconds, cut to the file's duration.
 *
 * ```ts
 * const diarizer = await startDiarizeDouble({ segments: [{ startMs: 0, endMs: 2500, speaker: 'SPEAKER_00' }] });
 * diarizer.failNext(1, 503);
 * ```
 */

export type DiarizeDoubleOptions = {
  /** The turns to answer, or a function of the upload's duration; default: two speakers taking 3 s turns. */
  segments?: DiarizedTurn[] | ((durationMs: number) => DiarizedTurn[]);
  delayMs?: number;
};

export type DiarizeRequest = {
  path: string;
  fields: Record<string, string>;
  filename: string | null;
  bytes: number;
  durationMs: number | null;
  clientClosed: boolean;
};

export type DiarizeDouble = {
  url: string;
  requests: DiarizeRequest[];
  /** The next `count` requests answer `status` with `{ error: { message } }` (and `Retry-After`). */
  failNext(count: number, status: number, retryAfterS?: number): void;
  /** The next request answers this body as is. */
  rawNext(body: string, status?: number): void;
  delayMs: number;
  reset(): void;
  close(): Promise<void>;
};

export const alternatingTurns = (durationMs: number): DiarizedTurn[] =>
  Array.from({ length: Math.ceil(durationMs / 3000) }, (_, i) => ({
    startMs: i * 3000,
    endMs: Math.min((i + 1) * 3000, durationMs),
    speaker: `SPEAKER_0${i % 2}`,
  }));

type Override = { status: number; body: string; retryAfterS?: number };

export async function startDiarizeDouble(options: DiarizeDoubleOptions = {}): Promise<DiarizeDouble> {
  const requests: DiarizeRequest[] = [];
  const overrides: Override[] = [];
  const state = { delayMs: options.delayMs ?? 0 };
  const turns = options.segments ?? alternatingTurns;
  const error = (message: string) => ({ error: { message } });

  const server = createServer((req, res) => {
    handle(req, res).catch((caught: unknown) => {
      if (!res.headersSent) sendJson(res, 500, error(String(caught)));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://double').pathname;
    const raw = await readBody(req);
    if (req.method !== 'POST' || path !== '/v1/diarize') return sendJson(res, 404, error(`no route ${req.method} ${path}`));
    const record: DiarizeRequest = { path, fields: {}, filename: null, bytes: 0, durationMs: null, clientClosed: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.clientClosed = true;
    });
    if (!(await sleep(state.delayMs, res))) return;
    const override = overrides.shift();
    if (override) {
      res.writeHead(override.status, {
        'Content-Type': 'application/json',
        ...(override.retryAfterS !== undefined && { 'Retry-After': String(override.retryAfterS) }),
      });
      return void res.end(override.body);
    }

    const form = await readForm(req, raw);
    if (!form) return sendJson(res, 400, error('expected a multipart/form-data body'));
    record.fields = form.fields;
    const file = form.files.get('file');
    if (!file) return sendJson(res, 400, error("missing the 'file' part"));
    Object.assign(record, { filename: file.name, bytes: file.bytes.length });
    const wav = readWavInfo(file.bytes);
    if (!wav) return sendJson(res, 400, error('file is not a RIFF/WAVE audio file'));
    record.durationMs = wav.durationMs;
    const speakers = form.fields.num_speakers;
    if (speakers !== undefined && !/^[1-9]\d*$/.test(speakers)) return sendJson(res, 400, error('num_speakers must be a positive integer'));

    const chosen = typeof turns === 'function' ? turns(wav.durationMs) : turns;
    const segments = chosen
      .filter((t) => t.startMs < wav.durationMs)
      .map((t) => ({ start: t.startMs / 1000, end: Math.min(t.endMs, wav.durationMs) / 1000, speaker: t.speaker, confidence: 0.9 }));
    return sendJson(res, 200, { segments, duration: wav.durationMs / 1000 });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(count, status, retryAfterS) {
      const body = JSON.stringify(error(status === 503 ? 'model is loading, try again' : `scripted failure with HTTP ${status}`));
      for (let i = 0; i < count; i++) overrides.push({ status, body, ...(retryAfterS !== undefined && { retryAfterS }) });
    },
    rawNext: (body, status = 200) => void overrides.push({ status, body }),
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    reset() {
      requests.length = 0;
      overrides.length = 0;
      state.delayMs = options.delayMs ?? 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((caught) => (caught ? reject(caught) : resolve()));
        server.closeAllConnections();
      }),
  };
}
