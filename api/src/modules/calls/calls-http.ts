import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import express, { type Request, type Response } from 'express';
import { CallFiltersSchema, UploadOptionsSchema, type UploadErrorCode } from '@sufler/shared';
import { z } from 'zod';
import { DomainError } from '../../errors';
import { bearerToken, type AppDeps } from '../../trpc/context';
import { authenticate } from '../../trpc/init';
import type { Actor } from '../actor';
import { UploadError, type ReceivedFile } from './ingest-recording';
import { renderCallPdf } from './reports/render-call-pdf';
import { renderCallsXlsx } from './reports/render-calls-xlsx';

const LanguageSchema = z.enum(['pl', 'en']).catch('pl');
const STATUS: Record<DomainError['code'], number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, CONFLICT: 409, INVALID: 400, TOO_MANY_REQUESTS: 429 };

/**
 * The binary side of call evaluation, beside tRPC: uploads (multipart, streamed to a private temp file and
 * hashed on the way), playback of the original recording (with Range, so the player can seek), the PDF of one
 * call and the XLSX of a filtered list. Bearer tokens as everywhere; errors are `{ error: { code, message } }`.
 */
export function callsHttp(deps: AppDeps, limits: { maxBytes: number }): express.Router {
  const routes = express.Router();

  const actorOf = (req: Request): Promise<Actor> =>
    authenticate(deps, deps.orm.em.fork(), bearerToken(req.headers.authorization));

  const handle = (fn: (req: Request, res: Response, actor: Actor) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await fn(req, res, await actorOf(req));
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (error instanceof UploadError) return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
      if (error instanceof DomainError) return void res.status(STATUS[error.code]).json({ error: { code: error.code, message: error.message } });
      if (error instanceof z.ZodError) return void res.status(400).json({ error: { code: 'BAD_OPTIONS', message: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });
      deps.logger.error({ err: error, path: req.path }, 'calls route failed');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on the server' } });
    }
  };

  routes.post(
    '/',
    handle(async (req, res, actor) => {
      const dir = await mkdtemp(join(tmpdir(), 'sufler-upload-'));
      try {
        const { file, fields } = await receive(req, join(dir, randomUUID()), limits.maxBytes);
        const options = UploadOptionsSchema.parse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')));
        const result = await deps.calls.ingest(deps.orm.em.fork(), actor, file, options);
        res.status(result.duplicate ? 200 : 201).json(result);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
  );

  routes.get(
    '/export.xlsx',
    handle(async (req, res, actor) => {
      const filters = CallFiltersSchema.parse(queryOf(req));
      const language = LanguageSchema.parse(req.query.lang);
      const rows = await deps.calls.exportRows(deps.orm.em.fork(), actor, filters);
      const body = await renderCallsXlsx(rows, { language, generatedAt: new Date() });
      send(res, body, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `sufler-rozmowy-${day()}.xlsx`);
    }),
  );

  routes.get(
    '/:id/report.pdf',
    handle(async (req, res, actor) => {
      const id = z.uuid().parse(req.params.id);
      const call = await deps.calls.reportOf(deps.orm.em.fork(), actor, id);
      const body = await renderCallPdf(call, { language: LanguageSchema.parse(req.query.lang), generatedAt: new Date() });
      send(res, body, 'application/pdf', `sufler-rozmowa-${id.slice(0, 8)}.pdf`);
    }),
  );

  routes.get(
    '/:id/audio',
    handle(async (req, res, actor) => {
      const id = z.uuid().parse(req.params.id);
      const { bytes, mimeType } = await deps.calls.audio(deps.orm.em.fork(), actor, id);
      res.setHeader('Accept-Ranges', 'bytes');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Type', mimeType);
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (!range || (!range[1] && !range[2])) return void res.status(200).end(bytes);
      const start = range[1] ? Number(range[1]) : Math.max(0, bytes.length - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
      if (start >= bytes.length || start > end) {
        res.setHeader('Content-Range', `bytes */${bytes.length}`);
        return void res.status(416).end();
      }
      res.setHeader('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
      res.status(206).end(bytes.subarray(start, end + 1));
    }),
  );

  return routes;
}

function send(res: Response, body: Buffer, type: string, filename: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.status(200).end(body);
}

const day = () => new Date().toISOString().slice(0, 10);

/** Query strings are text: numbers are read as numbers before the shared schema checks them. */
function queryOf(req: Request): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (typeof value !== 'string' || value === '' || key === 'lang') continue;
    out[key] = key === 'minScore' || key === 'maxScore' ? Number(value) : value;
  }
  return out;
}

/**
 * Streams the one `file` part to `path` (hashing it on the way) and collects the text fields. A file
 * over `maxBytes` is refused as soon as it passes the limit; the partial file is removed by the caller.
 */
function receive(req: Request, path: string, maxBytes: number): Promise<{ file: ReceivedFile; fields: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const fail = (code: UploadErrorCode, message: string, status?: number) => reject(new UploadError(code, message, status));
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 4096 } });
    } catch {
      return fail('BAD_OPTIONS', 'Send the recording as multipart/form-data with a `file` field', 400);
    }
    const fields: Record<string, string> = {};
    let written: Promise<ReceivedFile> | null = null;
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || written) {
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      let size = 0;
      let tooLarge = false;
      stream.on('limit', () => {
        tooLarge = true;
      });
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      written = pipeline(stream, meter, createWriteStream(path, { mode: 0o600 })).then(() => {
        if (tooLarge) throw new UploadError('TOO_LARGE', `The file is larger than the ${Math.round(maxBytes / 1_048_576)} MB limit`, 413);
        return { path, sizeBytes: size, sha256: hash.digest('hex'), originalName: info.filename ?? null };
      });
    });
    parser.on('error', () => fail('BAD_OPTIONS', 'The upload was cut off or is not valid multipart/form-data', 400));
    parser.on('close', () => {
      if (!written) return fail('EMPTY_FILE', 'No `file` part in the upload');
      written.then((file) => resolve({ file, fields }), reject);
    });
    req.on('aborted', () => fail('BAD_OPTIONS', 'The upload was cut off', 400));
    req.pipe(parser);
  });
}
