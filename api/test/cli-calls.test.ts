import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTranscribeDouble, type TranscribeDouble } from './doubles/transcribe-double';
import { REFERENCE_LINES, REFERENCE_TURNS, referenceLineAt } from './fixtures/calls/reference-transcript';
import { fixturePath } from './fixtures/calls/rttm';
import { PASSWORD } from './harness';
import { suflerAsync, type CliResult } from './sufler-cli';

// `sufler calls …` as a child process on one embedded data directory, the tests in order: each builds on
// the calls the previous ones imported. Each CLI start costs seconds on a busy 2-core machine, hence few
// of them and timeouts well past the default.

type ImportResult = { file: string; id: string; duplicate: boolean; status: string; score: number | null; durationMs: number };
type ImportFailure = { file: string; error: { code: string; message: string } };
type ShowRecord = {
  id: string;
  title: string;
  status: string;
  channels: number;
  stages: { stage: string; state: string; error: unknown; note: string | null }[];
  segments: { speaker: string | null; start: number; end: number; text: string }[];
  scores: { scorecard: string; total: number; criteria: { id: string; label: string; result: string; source: string }[] } | null;
  sentiment: { mean: number | null; timeline: { start: number; end: number; score: number; emotion: string }[] };
};

const dir = mkdtempSync(join(tmpdir(), 'sufler-cli-calls-'));
const STEREO = join(dir, 'rozmowa-kowalska.wav');
const MONO = join(dir, 'rozmowa-telefon.wav');
const NOTE = join(dir, 'notatka.wav');
const MISSING = join(dir, 'nie-ma-mnie.wav');
const dataDir = join(dir, 'data');

let transcribe: TranscribeDouble;
let env: Record<string, string>;
let stereo: ImportResult;

const calls = (args: string[], timeoutMs?: number) => suflerAsync(['calls', ...args], env, timeoutMs ? { timeoutMs } : {});
/** The parsed stdout, failing with the child's stderr when it is not JSON. */
function json<T>(run: CliResult): T {
  try {
    return JSON.parse(run.out) as T;
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.out}\n${run.err}`);
  }
}
/** The reference turn a segment starting at `startMs` belongs to, with its line (as `referenceLineAt` finds it). */
function referenceTurnAt(startMs: number) {
  const turn = REFERENCE_TURNS.findIndex((t) => startMs >= t.startMs - 400 && startMs < t.endMs);
  return turn >= 0 ? { speaker: REFERENCE_TURNS[turn]!.speaker, text: REFERENCE_LINES[turn]! } : undefined;
}
const blobFiles = () => (existsSync(join(dataDir, 'blobs')) ? readdirSync(join(dataDir, 'blobs'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

beforeAll(async () => {
  copyFileSync(fixturePath('dialogue_pl_stereo_8k.wav'), STEREO);
  copyFileSync(fixturePath('dialogue_pl_mono_8k_ulaw.wav'), MONO);
  writeFileSync(NOTE, 'To nie jest nagranie, tylko notatka ze spotkania.\n'.repeat(50));
  transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineAt(filename) });
  // The first admin comes from the environment on the first start; SUFLER_LLM=off: rules mode, no model.
  env = { SUFLER_DATA_DIR: dataDir, SUFLER_ADMIN_EMAIL: 'admin@salon.pl', SUFLER_ADMIN_PASSWORD: PASSWORD, TRANSCRIBE_URL: transcribe.url, SUFLER_LLM: 'off' };
});
afterAll(async () => {
  await transcribe?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sufler calls', () => {
  test('import --wait --json processes a stereo recording and prints its result', async () => {
    const run = await calls(['import', STEREO, '--scorecard', 'SALES', '--consultant-channel', 'left', '--wait', '--json'], 150_000);
    expect(run.code, run.err).toBe(0);
    const results = json<ImportResult[]>(run);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ file: STEREO, id: expect.any(String), duplicate: false, status: 'done', score: expect.any(Number) });
    stereo = results[0]!;
    expect(stereo.score).toBeGreaterThan(0);
    expect(transcribe.requests.length).toBeGreaterThan(5);
  }, 180_000);

  test('a re-import is recognised; a text file and a missing path fail alone, exit 1, and store nothing', async () => {
    const files = blobFiles();
    const requests = transcribe.requests.length;
    const run = await calls(['import', STEREO, NOTE, MISSING, '--wait', '--json'], 90_000);
    expect(run.code).toBe(1);
    const [again, note, missing] = json<[ImportResult, ImportFailure, ImportFailure]>(run);
    expect(again).toMatchObject({ file: STEREO, id: stereo.id, duplicate: true, status: 'done', score: stereo.score });
    expect(note).toEqual({ file: NOTE, error: { code: 'UNSUPPORTED_TYPE', message: expect.stringContaining('Not an audio file') } });
    expect(missing).toEqual({ file: MISSING, error: { code: 'NOT_FOUND', message: expect.stringContaining(MISSING) } });
    expect(blobFiles()).toBe(files);
    expect(transcribe.requests.length).toBe(requests);
  }, 120_000);

  test('show --json: segments labelled by channel, with times and text; scores with criteria; client sentiment', async () => {
    const run = await calls(['show', stereo.id, '--json']);
    expect(run.code, run.err).toBe(0);
    const call = json<ShowRecord>(run);
    expect(call).toMatchObject({ id: stereo.id, title: 'rozmowa-kowalska', status: 'done', channels: 2 });
    expect(call.stages.map((s) => s.state)).toEqual(Array(7).fill('done'));
    expect(call.segments.length).toBeGreaterThanOrEqual(10);
    for (const s of call.segments) {
      const turn = referenceTurnAt(Math.round(s.start * 1000));
      expect(s.end).toBeGreaterThan(s.start);
      // Left is the consultant: the label follows the channel, and the reference says who spoke when.
      expect(s.speaker).toBe(turn?.speaker);
      expect(s.text).toBe(turn?.text);
    }
    expect(new Set(call.segments.map((s) => s.speaker))).toEqual(new Set(['CONSULTANT', 'CLIENT']));

    expect(call.scores).toMatchObject({ scorecard: 'SALES', total: stereo.score });
    expect(call.scores!.criteria.map((c) => c.id)).toEqual(['greeting', 'needs-analysis', 'tailored-presentation', 'objection-handling', 'next-step', 'summary-and-date', 'polite-closing']);
    expect(call.scores!.criteria.every((c) => c.label && ['met', 'partly', 'not_met'].includes(c.result) && c.source === 'rules')).toBe(true);

    const clientStarts = new Set(call.segments.filter((s) => s.speaker === 'CLIENT').map((s) => s.start));
    expect(call.sentiment.timeline.length).toBeGreaterThan(0);
    expect(call.sentiment.timeline.every((p) => clientStarts.has(p.start) && p.score >= -1 && p.score <= 1)).toBe(true);
    expect(call.sentiment.mean).toEqual(expect.any(Number));
  }, 60_000);

  test.each([
    ['an id nobody has', '00000000-0000-4000-8000-000000000000', 'Call not found'],
    ['a word that is no id at all', 'rozmowa-kowalska', 'Call rozmowa-kowalska not found: a call id is a UUID'],
  ])('show of %s: exit 1 with a message, not a stack trace', async (_name, id, message) => {
    const run = await calls(['show', id, '--json']);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toContain(message);
    expect(run.err).not.toMatch(/\n\s+at /);
  }, 60_000);

  test('export --format xlsx writes one row per call of the scorecard', async () => {
    const out = join(dir, 'rozmowy.xlsx');
    const run = await calls(['export', '--format', 'xlsx', '--scorecard', 'SALES', '--out', out]);
    expect(run.code, run.err).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Rozmowy')!;
    // The header and the one call: the refused files of the earlier import left no row.
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('rozmowa-kowalska');
    expect(sheet.getRow(2).getCell(8).value).toBe(stereo.score);
  }, 60_000);

  test('export --format pdf --id writes the call report; without --id it exits 1 saying so', async () => {
    const out = join(dir, 'raport.pdf');
    const run = await calls(['export', '--format', 'pdf', '--id', stereo.id, '--out', out]);
    expect(run.code, run.err).toBe(0);
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(out)) });
    try {
      const text = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain('rozmowa-kowalska');
      expect(text).toContain('Zapraszam też na jazdę próbną w czwartek o siedemnastej.');
    } finally {
      await parser.destroy();
    }

    const missing = join(dir, 'bez-id.pdf');
    const refused = await calls(['export', '--format', 'pdf', '--out', missing]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('A PDF is one call: name it with --id');
    expect(existsSync(missing)).toBe(false);
  }, 90_000);

  test('import without --wait only queues the call: it stays processing with every stage pending', async () => {
    const requests = transcribe.requests.length;
    const run = await calls(['import', MONO, '--json']);
    expect(run.code, run.err).toBe(0);
    const [queued] = json<ImportResult[]>(run);
    expect(queued).toMatchObject({ file: MONO, duplicate: false, status: 'processing', score: null });

    // `calls show` runs no workers either, so nothing has picked the first stage up meanwhile.
    const shown = await calls(['show', queued!.id, '--json']);
    expect(shown.code, shown.err).toBe(0);
    const call = json<ShowRecord>(shown);
    expect(call).toMatchObject({ status: 'processing', channels: 1, segments: [], scores: null });
    expect(call.stages.map((s) => [s.stage, s.state])).toEqual(
      ['decode', 'voice', 'speakers', 'transcribe', 'roles', 'scorecard', 'sentiment'].map((stage) => [stage, 'pending']),
    );
    expect(transcribe.requests.length).toBe(requests);
  }, 90_000);
});
