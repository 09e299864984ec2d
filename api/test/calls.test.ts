import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { speakerAgreement, type CallDetail, type CallProgress } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../src/server';
import { startTranscribeDouble, type TranscribeDouble } from './doubles/transcribe-double';
import { REFERENCE_TURNS, referenceLineAt } from './fixtures/calls/reference-transcript';
import { fixturePath } from './fixtures/calls/rttm';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

const STEREO = readFileSync(fixturePath('dialogue_pl_stereo_8k.wav'));
const MONO = readFileSync(fixturePath('dialogue_pl_mono_8k_ulaw.wav'));
const REFERENCE = REFERENCE_TURNS;

/** A WAV of silence of `bytes` size (for the size limit). */
function silentWav(bytes: number): Buffer {
  const data = bytes - 44;
  const b = Buffer.alloc(bytes);
  b.write('RIFF', 0);
  b.writeUInt32LE(bytes - 8, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(data, 40);
  return b;
}

describe.each(DATABASES)('call evaluation on %s', (database) => {
  let t: TestApp;
  let server: RunningServer;
  let transcribe: TranscribeDouble;
  let blobDir: string;
  let consultant: Awaited<ReturnType<TestApp['as']>>;
  let other: Awaited<ReturnType<TestApp['as']>>;
  let manager: Awaited<ReturnType<TestApp['as']>>;
  let stereo: CallDetail;

  const upload = async (token: string, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new Blob([bytes]), name);
    const res = await fetch(`${server.url}/api/calls`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { call?: CallDetail; duplicate?: boolean; error?: { code: string; message: string } } };
  };
  const blobFiles = () => readdirSync(blobDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  const waitDone = async (caller: typeof consultant.caller, id: string): Promise<CallProgress> => {
    const events = await collect(await caller.calls.progress({ id }));
    return events.at(-1)!;
  };

  beforeAll(async () => {
    transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineAt(filename) });
    blobDir = join(await import('node:os').then((os) => os.tmpdir()), `sufler-calls-test-${Date.now()}-${database}`);
    t = await createTestApp(database, { TRANSCRIBE_URL: transcribe.url, SUFLER_BLOB_DIR: blobDir, SUFLER_CALL_MAX_MB: '3' });
    server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
    consultant = await t.as('consultant');
    other = await t.as('consultant');
    manager = await t.as('manager');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
    await transcribe?.close();
  });

  test('a stereo call is uploaded, processed stage by stage, and labelled by channel like the reference', async () => {
    const { status, body } = await upload(consultant.token, STEREO, 'rozmowa-kowalska.wav', { scorecardKey: 'SALES' });
    expect(status).toBe(201);
    expect(body.duplicate).toBe(false);
    expect(body.call).toMatchObject({ title: 'rozmowa-kowalska', channels: 2, status: 'processing', consultant: { id: consultant.user.id } });

    const events = await collect(await consultant.caller.calls.progress({ id: body.call!.id }));
    expect(events.at(-1)!.status).toBe('done');
    // Progress was reported along the way, not only at the end.
    expect(events.length).toBeGreaterThan(2);

    stereo = await consultant.caller.calls.get({ id: body.call!.id });
    expect(stereo.durationMs).toBeGreaterThan(40_000);
    expect(stereo.stages.map((s) => s.state)).toEqual(Array(7).fill('done'));
    const turns = stereo.segments.map((s) => ({ startMs: s.startMs, endMs: s.endMs, speaker: s.speaker! }));
    expect(speakerAgreement(turns, REFERENCE)).toBeGreaterThanOrEqual(0.9);
    // Silence is never sent: one request per speech segment, each shorter than the call.
    expect(transcribe.requests.length).toBe(stereo.segments.length);
    expect(transcribe.requests.every((r) => r.fields.language === 'pl' && r.fields.response_format === 'verbose_json')).toBe(true);
    expect(stereo.segments.map((s) => s.text).join(' ')).toContain('Modelu Y');
  });

  test('the call is scored on its scorecard with quoted, timed evidence, and the client side gets sentiment', () => {
    const evaluation = stereo.evaluation!;
    expect(evaluation.scorecardKey).toBe('SALES');
    expect(evaluation.total).toBeGreaterThan(0);
    const withEvidence = evaluation.criteria.filter((c) => c.automatic.evidence);
    expect(withEvidence.length).toBeGreaterThan(0);
    for (const c of withEvidence) {
      const segment = stereo.segments.find((s) => s.id === c.automatic.evidence!.segmentId)!;
      expect(segment.startMs).toBe(c.automatic.evidence!.atMs);
      expect(c.automatic.source).toBe('rules');
    }
    expect(stereo.sentimentTimeline.length).toBeGreaterThan(0);
    const clientIds = new Set(stereo.segments.filter((s) => s.speaker === 'CLIENT').map((s) => s.id));
    expect(stereo.sentimentTimeline.every((p) => clientIds.has(p.segmentId))).toBe(true);
    expect(stereo.segments.filter((s) => s.speaker === 'CONSULTANT').every((s) => s.sentiment === null && s.emotion === null)).toBe(true);
    expect(stereo.metrics!.talkRatio).toBeGreaterThan(0.3);
    expect(stereo.metrics!.questions).toBeGreaterThan(0);
    expect(stereo.sentiment).not.toBeNull();
  });

  test('the transcript, evidence quotes, the title and stage notes are encrypted at rest; the search column holds no words', async () => {
    const conn = t.app.deps.orm.em.getConnection();
    const rows = (
      await Promise.all(
        ['call', 'call_segment', 'call_criterion', 'call_stage'].map((table) =>
          conn.execute<{ row: string }[]>(`select r::text as row from "${table}" r where ${table === 'call' ? 'id' : 'call_id'} = ?`, [stereo.id]),
        ),
      )
    ).flat().map((r) => r.row).join('\n');
    const segments = await conn.execute<{ text: string }[]>('select text from call_segment where call_id = ?', [stereo.id]);
    expect(segments.length).toBeGreaterThan(0);
    for (const { text } of segments) expect(text).toMatch(/^v1:/);
    for (const phrase of ['Modelu Y', 'zasięg', 'Kowalsk', 'rozmowa-kowalska', 'salonu']) expect(rows).not.toContain(phrase);
  });

  test('a re-upload of the same audio is recognised; the same audio under another consultant is refused', async () => {
    const before = await t.counts();
    const again = await upload(consultant.token, STEREO, 'copy.wav');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, call: { id: stereo.id } });
    const theirs = await upload(other.token, STEREO, 'copy.wav');
    expect(theirs.status).toBe(409);
    expect(theirs.body.error!.code).toBe('DUPLICATE_OF_OTHER');
    expect(await t.counts()).toEqual(before);
  });

  test.each([
    ['a zero-length file', Buffer.alloc(0), 'empty.wav', 'EMPTY_FILE', 422],
    ['a text file renamed .wav', Buffer.from('To nie jest nagranie, tylko notatka.\n'.repeat(50)), 'notatka.wav', 'UNSUPPORTED_TYPE', 415],
    ['a truncated WAV', STEREO.subarray(0, 2048), 'urwane.wav', 'UNDECODABLE', 422],
    ['a file over the size limit', silentWav(3.5 * 1_048_576), 'duze.wav', 'TOO_LARGE', 413],
  ])('%s is rejected with a clear error and nothing is stored', async (_name, bytes, name, code, status) => {
    const before = await t.counts();
    const files = blobFiles();
    const res = await upload(consultant.token, bytes, name);
    expect(res.status).toBe(status);
    expect(res.body.error!.code).toBe(code);
    expect(res.body.error!.message.length).toBeGreaterThan(5);
    expect(await t.counts()).toEqual(before);
    expect(blobFiles()).toBe(files);
  });

  test('an upload without a token is refused', async () => {
    const form = new FormData();
    form.set('file', new Blob([MONO]), 'x.wav');
    const res = await fetch(`${server.url}/api/calls`, { method: 'POST', body: form });
    expect(res.status).toBe(401);
  });

  test('consultants see only their own calls; managers see the team', async () => {
    await expect(other.caller.calls.get({ id: stereo.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.caller.calls.list({})).items.map((c) => c.id)).not.toContain(stereo.id);
    expect((await manager.caller.calls.list({})).items.map((c) => c.id)).toContain(stereo.id);
    const audio = await fetch(`${server.url}/api/calls/${stereo.id}/audio`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(audio.status).toBe(404);
  });

  test('the recording plays back with Range support, stored encrypted', async () => {
    const res = await fetch(`${server.url}/api/calls/${stereo.id}/audio`, { headers: { authorization: `Bearer ${consultant.token}`, range: 'bytes=0-15' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-15/${STEREO.length}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(STEREO.subarray(0, 16));
    const stored = readdirSync(blobDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const entry of stored) {
      const bytes = readFileSync(join(entry.parentPath, entry.name));
      expect(bytes.includes(STEREO.subarray(44, 1044))).toBe(false);
    }
  });

  test('full-text search finds inflected forms without diacritics; the dashboard aggregates', async () => {
    const found = await consultant.caller.calls.list({ q: 'zasieg ladowania' });
    expect(found.items.map((c) => c.id)).toEqual([stereo.id]);
    expect((await consultant.caller.calls.list({ q: 'hulajnoga' })).items).toEqual([]);
    const dashboard = await manager.caller.calls.dashboard({});
    expect(dashboard.totals.calls).toBeGreaterThanOrEqual(1);
    expect(dashboard.perConsultant.find((p) => p.consultantId === consultant.user.id)!.calls).toBe(1);
    expect(dashboard.criteria.length).toBeGreaterThan(0);
  });

  test('transcript edits are versioned; a stale edit is a CONFLICT; speaker labels are correctable', async () => {
    const first = stereo.segments[0]!;
    const edited = await consultant.caller.calls.updateSegment({
      callId: stereo.id,
      transcriptVersion: stereo.transcriptVersion,
      segmentId: first.id,
      text: 'Dzień dobry, tu Marek z salonu Sufler EV.',
      speaker: first.speaker === 'CLIENT' ? 'CONSULTANT' : 'CLIENT',
    });
    expect(edited.transcriptVersion).toBe(stereo.transcriptVersion + 1);
    expect(edited.segments[0]).toMatchObject({ text: 'Dzień dobry, tu Marek z salonu Sufler EV.', edited: true });
    await expect(
      consultant.caller.calls.updateSegment({ callId: stereo.id, transcriptVersion: stereo.transcriptVersion, segmentId: first.id, text: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const split = await consultant.caller.calls.splitSegment({
      callId: stereo.id,
      transcriptVersion: edited.transcriptVersion,
      segmentId: first.id,
      atChar: 12,
      atMs: Math.round((first.startMs + first.endMs) / 2),
    });
    expect(split.segments.length).toBe(stereo.segments.length + 1);
    expect(split.segments[0]!.text).toBe('Dzień dobry,');
    const merged = await consultant.caller.calls.mergeSegments({ callId: stereo.id, transcriptVersion: split.transcriptVersion, segmentId: first.id });
    expect(merged.segments.length).toBe(stereo.segments.length);
    expect(merged.segments[0]!.text).toBe('Dzień dobry, tu Marek z salonu Sufler EV.');
    expect(merged.segments.map((s) => s.index)).toEqual(merged.segments.map((_, i) => i));

    const revisions = await consultant.caller.calls.revisions({ id: stereo.id });
    expect(revisions.map((r) => r.action)).toEqual(['merge', 'split', 'update']);
    // Put the label back so the later tests score the call as it was.
    stereo = await consultant.caller.calls.updateSegment({ callId: stereo.id, transcriptVersion: merged.transcriptVersion, segmentId: first.id, speaker: first.speaker! });
  });

  test('a reviewer overrides a criterion with a comment, kept next to the automatic result; scores can be recomputed', async () => {
    const criterion = stereo.evaluation!.criteria.find((c) => c.automatic.result !== 'met')!;
    await expect(
      consultant.caller.calls.overrideCriterion({ callId: stereo.id, criterionId: criterion.criterionId, result: 'met' }),
    ).rejects.toBeInstanceOf(TRPCError);
    const overridden = await manager.caller.calls.overrideCriterion({ callId: stereo.id, criterionId: criterion.criterionId, result: 'met', comment: 'Klient sam umówił jazdę próbną' });
    const after = overridden.evaluation!.criteria.find((c) => c.criterionId === criterion.criterionId)!;
    expect(after).toMatchObject({ result: 'met', automatic: { result: criterion.automatic.result }, override: { result: 'met', comment: 'Klient sam umówił jazdę próbną', byUserId: manager.user.id } });
    expect(overridden.evaluation!.total).toBeGreaterThan(stereo.evaluation!.total);

    await consultant.caller.calls.recompute({ id: stereo.id });
    const rescored = await waitDone(consultant.caller, stereo.id);
    expect(rescored.stages.filter((s) => s.error)).toEqual([]);
    expect(rescored.status).toBe('done');
    const recomputed = await consultant.caller.calls.get({ id: stereo.id });
    expect(recomputed.evaluation!.criteria.find((c) => c.criterionId === criterion.criterionId)!.override!.comment).toBe('Klient sam umówił jazdę próbną');

    const cleared = await manager.caller.calls.overrideCriterion({ callId: stereo.id, criterionId: criterion.criterionId, result: null });
    expect(cleared.evaluation!.criteria.find((c) => c.criterionId === criterion.criterionId)!.override).toBeNull();
  });

  test('the consultant channel can be swapped: labels follow, the text stays', async () => {
    await consultant.caller.calls.setConsultantChannel({ id: stereo.id, consultantChannel: 'right' });
    await waitDone(consultant.caller, stereo.id);
    const swapped = await consultant.caller.calls.get({ id: stereo.id });
    const unedited = swapped.segments.filter((s) => !s.edited);
    expect(unedited.every((s) => (s.channel === 1) === (s.speaker === 'CONSULTANT'))).toBe(true);
    await consultant.caller.calls.setConsultantChannel({ id: stereo.id, consultantChannel: 'left' });
    await waitDone(consultant.caller, stereo.id);
  });

  test('a transcription server that rejects the audio fails the stage; a re-run redoes only that stage onwards', async () => {
    transcribe.failNext(1_000, 400);
    const { body } = await upload(consultant.token, MONO, 'mono.wav');
    const failed = await waitDone(consultant.caller, body.call!.id);
    expect(failed.status).toBe('failed');
    const stage = failed.stages.find((s) => s.stage === 'transcribe')!;
    expect(stage).toMatchObject({ state: 'failed', error: { code: expect.any(String) } });
    expect(failed.stages.find((s) => s.stage === 'decode')!.attempts).toBe(1);

    transcribe.reset();
    await consultant.caller.calls.rerun({ id: body.call!.id, stage: 'transcribe' });
    const done = await waitDone(consultant.caller, body.call!.id);
    expect(done.status).toBe('done');
    expect(done.stages.find((s) => s.stage === 'decode')!.attempts).toBe(1);
    const mono = await consultant.caller.calls.get({ id: body.call!.id });
    expect(mono.channels).toBe(1);
    // Mono without a diarizer: one track for the reviewer to label.
    expect(mono.segments.every((s) => s.speaker === null)).toBe(true);
    expect(done.stages.find((s) => s.stage === 'roles')!.note).toMatch(/label/i);
  });

  test('PDF and XLSX exports are served to the call’s viewers', async () => {
    const pdf = await fetch(`${server.url}/api/calls/${stereo.id}/report.pdf?lang=pl`, { headers: { authorization: `Bearer ${consultant.token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await fetch(`${server.url}/api/calls/export.xlsx?scorecardKey=SALES`, { headers: { authorization: `Bearer ${manager.token}` } });
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const denied = await fetch(`${server.url}/api/calls/${stereo.id}/report.pdf`, { headers: { authorization: `Bearer ${other.token}` } });
    expect(denied.status).toBe(404);
  });

  test('deleting a call removes its audio, transcript and scores, and is audited', async () => {
    const files = blobFiles();
    await consultant.caller.calls.delete({ id: stereo.id });
    await expect(consultant.caller.calls.get({ id: stereo.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(blobFiles()).toBeLessThan(files);
    const conn = t.app.deps.orm.em.getConnection();
    for (const table of ['call_segment', 'call_criterion', 'call_stage', 'transcript_revision']) {
      const [row] = await conn.execute<{ n: string }[]>(`select count(*) as n from "${table}" where call_id = ?`, [stereo.id]);
      expect(Number(row!.n)).toBe(0);
    }
    const [audit] = await conn.execute<{ n: string }[]>(`select count(*) as n from "audit_log" where entity = 'call' and entity_id = ? and action = 'erase'`, [stereo.id]);
    expect(Number(audit!.n)).toBe(1);
  });
  test('a call deleted while a stage runs stops quietly and leaves none of its audio behind', async () => {
    transcribe.delayMs = 400;
    try {
      // Other bytes than the mono call above (one sample changed), so it is a new call, not a duplicate.
      const bytes = Buffer.from(MONO);
      bytes[5000] = bytes[5000]! ^ 1;
      const { body } = await upload(consultant.token, bytes, 'skasowana.wav');
      expect(body.duplicate).toBe(false);
      const id = body.call!.id;
      let running = false;
      for await (const progress of await consultant.caller.calls.progress({ id })) {
        running = progress.stages.find((s) => s.stage === 'transcribe')!.state === 'running';
        if (running) break;
      }
      expect(running).toBe(true);
      await consultant.caller.calls.delete({ id });
      // The running stage finishes against a call that is gone; nothing of it may remain.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const left = readdirSync(blobDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && join(e.parentPath, e.name).includes(id));
      expect(left).toEqual([]);
      const [row] = await t.app.deps.orm.em.getConnection().execute<{ n: string }[]>('select count(*) as n from call_segment where call_id = ?', [id]);
      expect(Number(row!.n)).toBe(0);
    } finally {
      transcribe.delayMs = 0;
    }
  });
});
