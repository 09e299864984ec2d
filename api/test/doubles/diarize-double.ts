import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type DiarizedTurn } from '../../src/modules/calls/ports';
import { createScriptedFailures, readBody, readForm, sendJson, sendScripted, sleep, type ScriptedFailures } from './http-double';
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

/** `failNext` answers `{ error: { message } }`. */
export type DiarizeDouble = ScriptedFailures & {
  url: string;
  requests: DiarizeRequest[];
  close(): Promise<void>;
};

export const alternatingTurns = (durationMs: number): DiarizedTurn[] =>
  Array.from({ length: Math.ceil(durationMs / 3000) }, (_, i) => ({
    startMs: i * 3000,
    endMs: Math.min((i + 1) * 3000, durationMs),
    speaker: `SPEAKER_0${i % 2}`,
  }));

export async function startDiarizeDouble(options: DiarizeDoubleOptions = {}): Promise<DiarizeDouble> {
  const requests: DiarizeRequest[] = [];
  const turns = options.segments ?? alternatingTurns;
  const error = (message: string) => ({ error: { message } });
  const failures = createScriptedFailures({
    delayMs: options.delayMs,
    failureBody: (status) => error(status === 503 ? 'model is loading, try again' : `scripted failure with HTTP ${status}`),
    onReset() {
      requests.length = 0;
    },
  });

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
    if (!(await sleep(failures.controls.delayMs, res))) return;
    const scripted = failures.take();
    if (scripted) return sendScripted(res, scripted);

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

  return Object.assign(failures.controls, {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((caught) => (caught ? reject(caught) : resolve()));
        server.closeAllConnections();
      }),
  });
}
