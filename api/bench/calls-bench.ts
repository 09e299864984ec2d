/**
 * Call evaluation figures (issue 5), printed, never asserted:
 * - processing a 60-minute stereo call, all stages but transcription (the transcription server is a
 *   zero-latency double, and its stage's time is taken out), as a ratio to real time (target ≤ 60 s);
 * - scoring a 60-minute transcript in rules mode (target ≤ 1 s);
 * - the dashboard and a transcript search over 10,000 calls (target p95 ≤ 200 ms).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_SCORECARDS, evaluateScorecardRules, scoreCall, type CallStageName } from '@sufler/shared';
import { benchEnv } from './bench-env';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { renderCallPdf } from '../src/modules/calls/reports/render-call-pdf';
import { renderCallsXlsx } from '../src/modules/calls/reports/render-calls-xlsx';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc/init';
import { startTranscribeDouble } from '../test/doubles/transcribe-double';
import { fixturePath, parseRttm } from '../test/fixtures/calls/rttm';
import { freshPostgres } from '../test/fresh-postgres';
import { measure, report } from './measure';

const HOUR_MS = 3_600_000;

/** The fixture's 16-bit stereo PCM repeated to an hour, as a WAV file. */
async function hourLongStereoWav(dir: string): Promise<string> {
  const wav = await readFile(fixturePath('dialogue_pl_stereo_8k.wav'));
  const data = wav.indexOf('data') + 8;
  const pcm = wav.subarray(data);
  const bytesPerMs = 8000 * 2 * 2 / 1000;
  const total = Math.floor((HOUR_MS * bytesPerMs) / 4) * 4;
  const out = Buffer.alloc(44 + total);
  wav.copy(out, 0, 0, 44);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + total, 4);
  out.write('data', 36);
  out.writeUInt32LE(total, 40);
  for (let at = 0; at < total; at += pcm.length) pcm.copy(out, 44 + at, 0, Math.min(pcm.length, total - at));
  // The header of the fixture must be the canonical 44-byte one for this to hold.
  if (data !== 44) throw new Error('fixture WAV has extra chunks: rebuild the bench input');
  const path = join(dir, 'hour.wav');
  await writeFile(path, out);
  return path;
}

async function benchProcessing(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sufler-bench-calls-'));
  const lines = (await readFile(fixturePath('dialogue_pl.tsv'), 'utf8')).trim().split('\n').map((l) => l.split('\t')[1]!);
  const transcribe = await startTranscribeDouble({ respond: ({ index }) => lines[index % lines.length]! });
  const env = benchEnv({ TRANSCRIBE_URL: transcribe.url, SUFLER_BLOB_DIR: join(dir, 'blobs') });
  const app = await createApp(env, createLogger(env), { inMemory: true });
  try {
    const admin = await createUser(app.deps.orm.em.fork(), { email: 'bench-calls@example.com', role: 'admin', password: 'bench password 123' });
    const actor = { id: admin.id, role: 'admin' as const };
    const path = await hourLongStereoWav(dir);
    const bytes = await readFile(path);
    const started = performance.now();
    const { call } = await app.deps.calls.ingest(
      app.deps.orm.em.fork(),
      actor,
      { path, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), originalName: 'hour.wav' },
      { scorecardKey: 'SALES' },
    );
    const ingestMs = performance.now() - started;
    // The API stays responsive while a call processes: a query every 100 ms, timed, until the call is done.
    const caller = createCallerFactory(appRouter)({ deps: app.deps, accessToken: (await app.deps.accessTokens.sign({ userId: admin.id, role: 'admin' })).token });
    const latencies: number[] = [];
    let processing = true;
    const probe = (async () => {
      while (processing) {
        const t0 = performance.now();
        await caller.calls.list({});
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const startedAt = new Map<CallStageName, number>();
    const doneAt = new Map<CallStageName, number>();
    let status = 'processing';
    for await (const progress of app.deps.calls.progress(app.deps.orm.em.fork(), actor, call.id)) {
      const now = performance.now();
      for (const s of progress.stages) {
        if (s.state !== 'pending' && !startedAt.has(s.stage)) startedAt.set(s.stage, now);
        if (s.state === 'done' && !doneAt.has(s.stage)) doneAt.set(s.stage, now);
      }
      status = progress.status;
    }
    const totalMs = performance.now() - started;
    processing = false;
    await probe;
    const stageMs = (stage: CallStageName) => (doneAt.get(stage) ?? 0) - (startedAt.get(stage) ?? 0);
    const withoutTranscription = totalMs - stageMs('transcribe');
    const detail = await app.deps.calls.get(app.deps.orm.em.fork(), actor, call.id);
    console.log(`\n== call processing: a 60-minute stereo call (${(bytes.length / 1_048_576).toFixed(1)} MB WAV, 8 kHz), status ${status} ==`);
    console.log(`upload checks + encrypted store: ${(ingestMs / 1000).toFixed(2)} s`);
    for (const stage of ['decode', 'voice', 'speakers', 'transcribe', 'roles', 'scorecard', 'sentiment'] as const) {
      console.log(`  ${stage.padEnd(11)} ${(stageMs(stage) / 1000).toFixed(2).padStart(7)} s${stage === 'transcribe' ? `   (zero-latency double, ${transcribe.requests.length} segments: excluded)` : ''}`);
    }
    console.log(
      `all stages but transcription: ${(withoutTranscription / 1000).toFixed(1)} s for 3600 s of audio = ${((withoutTranscription / HOUR_MS) * 100).toFixed(2)} % of real time ` +
        `(${(HOUR_MS / withoutTranscription).toFixed(0)}× faster than real time; target ≤ 60 s)`,
    );
    console.log(`segments: ${detail.segments.length}, score ${detail.score ?? '–'}`);
    report('calls.list while the hour-long call processes', latencies);
    const pdfStart = performance.now();
    const pdf = await renderCallPdf(detail, { language: 'pl', generatedAt: new Date() });
    console.log(`PDF report of this call: ${((performance.now() - pdfStart) / 1000).toFixed(2)} s, ${(pdf.length / 1024).toFixed(0)} KiB`);
  } finally {
    await app.close();
    await transcribe.close();
    await rm(dir, { recursive: true, force: true });
  }
}

type Turns = { items: { startMs: number; speaker: 'CLIENT' | 'CONSULTANT'; text: string }[]; cycleMs: number };

function benchScoring(turns: Turns): void {
  const segments: { id: string; speaker: 'CLIENT' | 'CONSULTANT'; startMs: number; text: string }[] = [];
  for (let offset = 0, n = 0; offset < HOUR_MS; offset += turns.cycleMs) {
    for (const t of turns.items) segments.push({ id: `s${n++}`, speaker: t.speaker, startMs: offset + t.startMs, text: t.text });
  }
  const words = segments.reduce((sum, s) => sum + s.text.split(/\s+/).length, 0);
  const card = { ...BUILT_IN_SCORECARDS.find((c) => c.key === 'SALES')!, version: 1 };
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    scoreCall(card, evaluateScorecardRules(card, segments), {});
    times.push(performance.now() - start);
  }
  console.log(`\n== scoring a 60-minute transcript in rules mode (${segments.length} segments, ${words} words, SALES) ==`);
  report('evaluateScorecardRules + scoreCall (target ≤ 1000 ms)', times);
}

/** The fixture's reference turns with their text, and how long one pass of the dialogue lasts. */
async function loadTurns(): Promise<Turns> {
  const rttm = parseRttm(await readFile(fixturePath('dialogue_pl.rttm'), 'utf8'));
  const lines = (await readFile(fixturePath('dialogue_pl.tsv'), 'utf8')).trim().split('\n').map((l) => l.split('\t')[1]!);
  return { items: rttm.map((t, i) => ({ startMs: t.startMs, speaker: t.speaker, text: lines[i] ?? '' })), cycleMs: rttm.at(-1)!.endMs + 500 };
}

async function benchDashboard(database: 'pglite' | 'postgresql'): Promise<void> {
  const postgres = database === 'postgresql' ? await freshPostgres(process.env.DATABASE_URL!) : undefined;
  const env = benchEnv({}, postgres?.url);
  const app = await createApp(env, createLogger(env), { inMemory: true });
  try {
    const em = app.deps.orm.em.fork();
    const users = [];
    for (let i = 0; i < 8; i++) users.push(await createUser(em, { email: `c${i}@bench.example.com`, role: i ? 'consultant' : 'manager', password: 'bench password 123' }));
    const consultants = users.slice(1).map((u) => `'${u.id}'`).join(',');
    const conn = em.getConnection();
    const CALLS = 10_000;
    // Search terms are keyed hashes (call-search.ts); seeded ones are arbitrary tokens, so the search below
    // measures the GIN index lookup on 10,000 rows, not the number of hits.
    const searchTerm = 'seeded-term';
    const t0 = performance.now();
    await conn.execute(`
      insert into "call" (id, consultant_id, uploaded_by_id, title, audio_sha256, mime_type, format, size_bytes, duration_ms, channels, sample_rate,
                          consultant_channel, scorecard_key, status, score, auto_failed, sentiment, transcript_version, search_terms, recorded_at, created_at, updated_at)
      select gen_random_uuid(), (array[${consultants}])[1 + g % 7]::uuid, (array[${consultants}])[1 + g % 7]::uuid, 'Rozmowa ' || g,
             md5(g::text) || md5((g * 7)::text), 'audio/wav', 'wav', 1000000, 300000, 2, 8000, 'left',
             (array['SALES','SERVICE','RETENTION','COLLECTIONS'])[1 + g % 4], 'done', (g * 37 % 101)::float, false, ((g % 21) - 10) / 10.0, 0,
             case when g % 10 = 0 then array['${searchTerm}'] else array['inne'] end,
             now() - (g || ' hours')::interval, now(), now()
        from generate_series(1, ${CALLS}) g`);
    await conn.execute(`
      insert into "call_criterion" (id, call_id, scorecard_key, scorecard_version, criterion_id, auto_result, source, evidence, result)
      select gen_random_uuid(), c.id, c.scorecard_key, 1, 'criterion-' || k, (array['met','partly','not_met'])[1 + (k + length(c.title)) % 3], 'rules',
             '{"evidence":null,"rationale":null}', (array['met','partly','not_met'])[1 + (k + length(c.title)) % 3]
        from "call" c cross join generate_series(1, 8) k`);
    await conn.execute('analyze');
    console.log(`\n== dashboard over ${CALLS} calls (${CALLS * 8} criterion results) on ${database}: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s ==`);
    const manager = createCallerFactory(appRouter)({ deps: app.deps, accessToken: (await app.deps.accessTokens.sign({ userId: users[0]!.id, role: 'manager' })).token });
    const consultant = createCallerFactory(appRouter)({ deps: app.deps, accessToken: (await app.deps.accessTokens.sign({ userId: users[1]!.id, role: 'consultant' })).token });
    await measure('calls.dashboard, manager, all 10,000 (target p95 ≤ 200)', 30, () => manager.calls.dashboard({}));
    await measure('calls.dashboard, manager, SALES, score 50–100, by month', 30, () => manager.calls.dashboard({ scorecardKey: 'SALES', minScore: 50, period: 'month' }));
    await measure('calls.dashboard, one consultant (own calls)', 30, () => consultant.calls.dashboard({}));
    await measure('calls.list, manager, first page', 30, () => manager.calls.list({}));
    await measure('calls.list, manager, full-text search', 30, () => manager.calls.list({ q: 'zasięgu' }));
    if (database === 'pglite') {
      const rows = await app.deps.calls.exportRows(app.deps.orm.em.fork(), { id: users[0]!.id, role: 'manager' }, {});
      const xlsxStart = performance.now();
      const xlsx = await renderCallsXlsx(rows, { language: 'pl', generatedAt: new Date() });
      console.log(`XLSX export of ${rows.length} calls: ${((performance.now() - xlsxStart) / 1000).toFixed(2)} s to render, ${(xlsx.length / 1024).toFixed(0)} KiB`);
    }
  } finally {
    await app.close();
    await postgres?.drop();
  }
}

export async function benchCalls(): Promise<void> {
  benchScoring(await loadTurns());
  await benchProcessing();
  for (const database of ['pglite', ...(process.env.DATABASE_URL ? (['postgresql'] as const) : [])] as const) await benchDashboard(database);
}
