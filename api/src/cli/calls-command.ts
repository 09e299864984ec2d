import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CallFiltersSchema, IdSchema, ScorecardInputSchema, UploadOptionsSchema, type CallDetail, type ConsultantChannel } from '@sufler/shared';
import { createApp, type App } from '../app';
import type { Env } from '../env';
import { createLogger } from '../logger';
import type { Actor } from '../modules/actor';
import { UploadError } from '../modules/calls/ingest-recording';
import { renderCallPdf } from '../modules/calls/reports/render-call-pdf';
import { renderCallsXlsx } from '../modules/calls/reports/render-calls-xlsx';
import { UserEntity } from '../modules/users/user.entity';
import { DomainError } from '../errors';

/**
 * `sufler calls …`: the call evaluation of the API, in this process. The CLI is an operator's tool with
 * the database in hand: it acts as an admin (`--as EMAIL`, default the first admin), and files calls
 * under `--consultant EMAIL` (default: that admin).
 *
 * Only `import --wait` runs the job workers: any other command would pick up stages of queued calls and
 * exit in the middle of them, leaving them "running" until their jobs expire.
 */
async function withApp<T>(env: Env, fn: (app: App) => Promise<T>, { workers = false }: { workers?: boolean } = {}): Promise<T> {
  const logger = createLogger({ LOG_LEVEL: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL }, 'stderr');
  const app = await createApp(env, logger, { workers });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function userByEmail(app: App, email: string | undefined, role?: 'admin'): Promise<Actor> {
  const em = app.deps.orm.em.fork();
  const user = email
    ? await em.findOne(UserEntity, { email: email.trim().toLowerCase(), active: true })
    : await em.findOne(UserEntity, { role: role ?? 'admin', active: true }, { orderBy: { createdAt: 'asc' } });
  if (!user) throw new DomainError('NOT_FOUND', email ? `No active user ${email}` : 'No admin yet: create one with `npx sufler user add --role admin`');
  return { id: user.id, role: email ? user.role : 'admin' };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export type ImportOptions = { scorecard?: string; consultantChannel?: ConsultantChannel; consultant?: string; as?: string; wait?: boolean; json?: boolean };

export async function runCallsImport(env: Env, files: string[], options: ImportOptions): Promise<number> {
  return withApp(env, async (app) => {
    const actor = await userByEmail(app, options.as, 'admin');
    const consultant = options.consultant ? await userByEmail(app, options.consultant) : actor;
    const upload = UploadOptionsSchema.parse({ scorecardKey: options.scorecard, consultantChannel: options.consultantChannel, consultantId: consultant.id });
    const results: Record<string, unknown>[] = [];
    let failures = 0;
    for (const file of files) {
      const path = resolve(file);
      try {
        const size = (await stat(path)).size;
        const result = await app.deps.calls.ingest(app.deps.orm.em.fork(), actor, { path, sizeBytes: size, sha256: await sha256Of(path), originalName: basename(path) }, upload);
        let status: string = result.call.status;
        if (options.wait) {
          for await (const progress of app.deps.calls.progress(app.deps.orm.em.fork(), actor, result.call.id)) {
            status = progress.status;
            if (!options.json) process.stderr.write(`\r${basename(path)}: ${progress.stages.map((s) => `${s.stage} ${s.state === 'running' ? `${Math.round(s.progress * 100)}%` : s.state}`).join(' · ')}   `);
          }
          if (!options.json) process.stderr.write('\n');
        }
        const detail = options.wait ? await app.deps.calls.get(app.deps.orm.em.fork(), actor, result.call.id) : null;
        if (status === 'failed') failures++;
        results.push({ file, id: result.call.id, duplicate: result.duplicate, status, score: detail?.score ?? null, durationMs: result.call.durationMs });
      } catch (error) {
        failures++;
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        const code = error instanceof UploadError || error instanceof DomainError ? error.code : missing ? 'NOT_FOUND' : 'FAILED';
        const message = missing ? `No such file: ${file}` : error instanceof Error ? error.message : String(error);
        results.push({ file, error: { code, message } });
      }
    }
    if (options.json) console.log(JSON.stringify(results, null, 2));
    else for (const r of results) console.log(r.error ? `${String(r.file)}: ${(r.error as { message: string }).message}` : `${String(r.file)}: ${String(r.id)} ${r.duplicate ? '(already imported) ' : ''}${String(r.status)}${r.score !== null && r.score !== undefined ? `, score ${String(r.score)}` : ''}`);
    return failures ? 1 : 0;
  }, { workers: options.wait ?? false });
}

/** A call id as typed by the operator: anything but a UUID would reach the database as a query error. */
function callId(id: string): string {
  if (!IdSchema.safeParse(id.trim()).success) throw new DomainError('NOT_FOUND', `Call ${id} not found: a call id is a UUID, as \`calls import\` prints it`);
  return id.trim();
}

/** What `calls show --json` prints: the transcript, scores and sentiment, in seconds like RTTM. */
export const showRecord = (call: CallDetail) => ({
  id: call.id,
  title: call.title,
  consultant: call.consultant.email,
  client: call.client?.name ?? null,
  durationMs: call.durationMs,
  channels: call.channels,
  status: call.status,
  stages: call.stages.map((s) => ({ stage: s.stage, state: s.state, error: s.error, note: s.note })),
  segments: call.segments.map((s) => ({ speaker: s.speaker, start: s.startMs / 1000, end: s.endMs / 1000, text: s.text })),
  scores: call.evaluation && {
    scorecard: call.evaluation.scorecardKey,
    version: call.evaluation.scorecardVersion,
    total: call.evaluation.total,
    autoFailed: call.evaluation.autoFailed,
    criteria: call.evaluation.criteria.map((c) => ({ id: c.criterionId, label: c.label, result: c.result, automatic: c.automatic.result, source: c.automatic.source, evidence: c.automatic.evidence, override: c.override })),
  },
  sentiment: { mean: call.sentiment, timeline: call.sentimentTimeline.map((p) => ({ start: p.startMs / 1000, end: p.endMs / 1000, score: p.score, emotion: p.emotion })) },
  metrics: call.metrics,
});

export async function runCallsShow(env: Env, id: string, options: { json?: boolean; as?: string }): Promise<void> {
  await withApp(env, async (app) => {
    const call = await app.deps.calls.get(app.deps.orm.em.fork(), await userByEmail(app, options.as, 'admin'), callId(id));
    const record = showRecord(call);
    if (options.json) return void console.log(JSON.stringify(record, null, 2));
    console.log(`${call.title} (${call.id}) · ${call.status} · ${Math.round(call.durationMs / 1000)} s · score ${call.score ?? '–'}`);
    for (const s of record.segments) console.log(`[${s.start.toFixed(1)}–${s.end.toFixed(1)}] ${s.speaker ?? '?'}: ${s.text}`);
  });
}

export type ExportOptions = { format: 'pdf' | 'xlsx'; out: string; id?: string; lang?: 'pl' | 'en'; as?: string; from?: string; to?: string; consultant?: string; scorecard?: string; minScore?: string; maxScore?: string; q?: string };

export async function runCallsExport(env: Env, options: ExportOptions): Promise<void> {
  await withApp(env, async (app) => {
    const actor = await userByEmail(app, options.as, 'admin');
    const em = () => app.deps.orm.em.fork();
    const language = options.lang ?? 'pl';
    let body: Buffer;
    if (options.format === 'pdf') {
      if (!options.id) throw new DomainError('INVALID', 'A PDF is one call: name it with --id');
      body = await renderCallPdf(await app.deps.calls.reportOf(em(), actor, callId(options.id)), { language, generatedAt: new Date() });
    } else {
      const consultantId = options.consultant ? (await userByEmail(app, options.consultant)).id : undefined;
      const filters = CallFiltersSchema.parse({
        from: options.from && new Date(options.from).toISOString(),
        to: options.to && new Date(options.to).toISOString(),
        consultantId,
        scorecardKey: options.scorecard,
        minScore: options.minScore === undefined ? undefined : Number(options.minScore),
        maxScore: options.maxScore === undefined ? undefined : Number(options.maxScore),
        q: options.q,
      });
      body = await renderCallsXlsx(await app.deps.calls.exportRows(em(), actor, filters), { language, generatedAt: new Date() });
    }
    await writeFile(resolve(options.out), body);
    console.error(`Wrote ${options.out} (${body.length} bytes).`);
  });
}

/** `sufler scorecards show KEY`: the newest version as JSON, the shape `scorecards save` reads back. */
export async function runScorecardsShow(env: Env, key: string): Promise<void> {
  await withApp(env, async (app) => {
    const card = await app.deps.calls.scorecards.get(app.deps.orm.em.fork(), key);
    const { key: k, name, description, criteria } = card;
    console.log(JSON.stringify({ key: k, name, description, criteria }, null, 2));
  });
}

/** `sufler scorecards list`: every template's newest version. */
export async function runScorecardsList(env: Env): Promise<void> {
  await withApp(env, async (app) => {
    for (const card of await app.deps.calls.scorecards.list(app.deps.orm.em.fork())) {
      console.log(`${card.key.padEnd(14)} v${card.version}  ${card.criteria.length} criteria  ${card.name}${card.builtIn ? '' : '  (own)'}`);
    }
  });
}

/** `sufler scorecards save FILE`: validates the JSON and saves it as the template's next version. */
export async function runScorecardsSave(env: Env, file: string, options: { as?: string }): Promise<void> {
  const input = ScorecardInputSchema.parse(JSON.parse(await readFile(resolve(file), 'utf8')));
  await withApp(env, async (app) => {
    const actor = await userByEmail(app, options.as, 'admin');
    if (actor.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only admins edit scorecards');
    const saved = await app.deps.calls.scorecards.save(app.deps.orm.em.fork(), actor, input);
    console.log(`Saved ${saved.key} version ${saved.version} (${saved.criteria.length} criteria). New calls are scored on it; scored calls keep theirs.`);
  });
}
