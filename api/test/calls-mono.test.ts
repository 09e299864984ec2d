import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { speakerAgreement, type CallDetail, type CallProgress, type CallStageName } from '@sufler/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DiarizedTurn } from '../src/modules/calls/ports';
import type { Actor } from '../src/modules/actor';
import { CallSegmentEntity } from '../src/modules/calls/call-segment.entity';
import { startDiarizeDouble, type DiarizeDouble } from './doubles/diarize-double';
import { ollamaErrors, startOllamaDouble, type Behaviour, type ChatCall, type OllamaDouble } from './doubles/ollama-double';
import { startTranscribeDouble, type TranscribeDouble } from './doubles/transcribe-double';
import { REFERENCE_TURNS, referenceLineAt } from './fixtures/calls/reference-transcript';
import { fixturePath } from './fixtures/calls/rttm';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

// A mono telephone recording through the whole pipeline (issue 5, "Speakers"): the diarization double
// answers the fixture's reference turns under anonymous ids, the transcription double the reference
// lines, and the roles come from what each speaker says: the cue rules, and the model when they cannot tell.

const MODEL = 'gpt-oss:20b';
const MONO = readFileSync(fixturePath('dialogue_pl_mono_8k_ulaw.wav'));

/** The reference turns under the diarizer's anonymous ids: `consultantId` for the consultant's. */
const diarized = (consultantId: string, clientId: string): DiarizedTurn[] =>
  REFERENCE_TURNS.map((t) => ({ startMs: t.startMs, endMs: t.endMs, speaker: t.speaker === 'CONSULTANT' ? consultantId : clientId }));
/** Every turn says the same: no greeting, no questions, nothing a cue rule could go by. */
const NEUTRAL = 'Tak, rozumiem.';
const neutralLineAt = (filename: string | null) => (referenceLineAt(filename) ? NEUTRAL : '');

type Schema = { properties?: Record<string, unknown> };
const purposeOf = (chat: { body: unknown }) => {
  const properties = (chat.body as { format?: Schema }).format?.properties ?? {};
  return 'consultant' in properties ? 'roles' : 'criteria' in properties ? 'scorecard' : 'sentiment';
};
/** A model that names `consultant` when asked for the roles, and has nothing to add to the scorecard or the sentiment. */
const modelNaming = (consultant: string): Behaviour => ({
  reply: (chat: ChatCall) => {
    const purpose = purposeOf(chat);
    if (purpose === 'roles') return JSON.stringify({ consultant, reason: 'Ta osoba prowadzi rozmowę i proponuje spotkanie.' });
    return JSON.stringify(purpose === 'scorecard' ? { criteria: [] } : { segments: [] });
  },
});

describe.each(DATABASES)('a mono call with a diarizer on %s', (database) => {
  let t: TestApp;
  let diarize: DiarizeDouble;
  let transcribe: TranscribeDouble;
  let ollama: OllamaDouble;
  let actor: Actor;
  let turns: DiarizedTurn[] = [];
  let lineAt = referenceLineAt;
  let uploads = 0;
  const dir = mkdtempSync(join(tmpdir(), `sufler-calls-mono-${database}-`));

  /** Ingests the mono fixture (other bytes each time: not a re-upload) and waits until the pipeline is through with it. */
  async function processMono(): Promise<{ progress: CallProgress; call: CallDetail }> {
    const bytes = Buffer.from(MONO);
    bytes[bytes.length - 1 - uploads]! ^= 1;
    const name = `mono-${++uploads}.wav`;
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const file = { path, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), originalName: name };
    const { call } = await t.app.deps.calls.ingest(t.em(), actor, file, { scorecardKey: 'SALES' });
    return finished(call.id);
  }
  async function finished(id: string): Promise<{ progress: CallProgress; call: CallDetail }> {
    const progress = (await collect(t.app.deps.calls.progress(t.em(), actor, id))).at(-1)!;
    return { progress, call: await t.app.deps.calls.get(t.em(), actor, id) };
  }
  const noteOf = (progress: CallProgress, stage: CallStageName) => progress.stages.find((s) => s.stage === stage)!.note;
  /** The diarizer's id of each segment, in transcript order (not on the wire: read from the database). */
  const tracksOf = async (call: CallDetail) =>
    new Map((await t.em().find(CallSegmentEntity, { call: call.id })).map((s) => [s.id, s.track]));
  const asTurns = (call: CallDetail) => call.segments.map((s) => ({ startMs: s.startMs, endMs: s.endMs, speaker: s.speaker! }));
  const rolesAsked = () => ollama.chats().filter((c) => purposeOf(c) === 'roles');

  beforeAll(async () => {
    diarize = await startDiarizeDouble({ segments: () => turns });
    transcribe = await startTranscribeDouble({ respond: ({ filename }) => lineAt(filename) });
    ollama = await startOllamaDouble({ models: [MODEL] });
    t = await createTestApp(database, {
      TRANSCRIBE_URL: transcribe.url,
      DIARIZE_URL: diarize.url,
      OLLAMA_URL: ollama.url,
      OLLAMA_MODELS: MODEL,
      OLLAMA_TIMEOUT_MS: '5000',
      SUFLER_LLM: 'on',
    });
    const { user } = await t.as('consultant');
    actor = { id: user.id, role: 'consultant' };
  }, 60_000);
  beforeEach(() => {
    diarize.reset();
    ollama.reset();
    lineAt = referenceLineAt;
  });
  afterAll(async () => {
    await t?.close();
    await diarize?.close();
    await transcribe?.close();
    await ollama?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['SPEAKER_00', 'SPEAKER_01'],
    ['SPEAKER_01', 'SPEAKER_00'],
  ])('the consultant (%s) is recognised by what they say: the showroom greeting, the qualifying questions', async (consultantId, clientId) => {
    turns = diarized(consultantId, clientId);
    ollama.setDefault(modelNaming(clientId)); // a wrong opinion, never asked for: the cues decide
    const { progress, call } = await processMono();
    expect(progress.status).toBe('done');
    expect(call.channels).toBe(1);

    // The diarizer got one WAV of the whole call.
    expect(diarize.requests).toHaveLength(1);
    expect(diarize.requests[0]).toMatchObject({ filename: `${call.id}.wav`, clientClosed: false });
    expect(Math.abs(diarize.requests[0]!.durationMs! - call.durationMs!)).toBeLessThan(50);

    // One segment per diarized turn, each with the diarizer's id, and the words said in it.
    const tracks = await tracksOf(call);
    expect(call.segments.map((s) => tracks.get(s.id))).toEqual(turns.map((turn) => turn.speaker));
    expect(call.segments[0]!.text).toContain('z salonu Tesla');

    expect(speakerAgreement(asTurns(call), REFERENCE_TURNS)).toBeGreaterThanOrEqual(0.9);
    expect(call.segments.filter((s) => tracks.get(s.id) === consultantId).every((s) => s.speaker === 'CONSULTANT')).toBe(true);
    const note = noteOf(progress, 'roles')!;
    expect(note).toMatch(new RegExp(`^cues: ${consultantId} is the consultant`));
    expect(note).toContain(`${consultantId}: przedstawia się w imieniu firmy („z salonu`);
    expect(note).toContain(`${consultantId}: zadaje pytania kwalifikujące`);
    expect(rolesAsked()).toHaveLength(0);
    // Scored on the consultant's words now that it is known who said them.
    expect(call.evaluation!.total).toBeGreaterThan(0);
  }, 90_000);

  test('cues that cannot tell: the model names the consultant, the labels follow it, and a reviewer’s label is kept on a re-run', async () => {
    turns = diarized('SPEAKER_00', 'SPEAKER_01');
    lineAt = neutralLineAt;
    // The model's pick is the speaker who does not open the call: the labels come from the model, not the order.
    ollama.setDefault(modelNaming('SPEAKER_01'));
    const { progress, call } = await processMono();
    expect(progress.status).toBe('done');
    expect(call.segments.every((s) => s.text === NEUTRAL)).toBe(true);

    expect(rolesAsked()).toHaveLength(1);
    const prompt = (rolesAsked()[0]!.body as { messages: { role: string; content: string }[] }).messages.find((m) => m.role === 'user')!.content;
    expect(prompt).toContain('Speaker tracks: SPEAKER_00, SPEAKER_01.');
    expect(prompt.match(/^\[\d+\] \d\d:\d\d SPEAKER_0[01]: Tak, rozumiem\.$/gm)).toHaveLength(REFERENCE_TURNS.length);
    expect(prompt).toContain('[0] 00:00 SPEAKER_00: Tak, rozumiem.');

    expect(noteOf(progress, 'roles')).toBe('model: SPEAKER_01 is the consultant: Ta osoba prowadzi rozmowę i proponuje spotkanie.');
    const tracks = await tracksOf(call);
    for (const s of call.segments) expect(s.speaker).toBe(tracks.get(s.id) === 'SPEAKER_01' ? 'CONSULTANT' : 'CLIENT');

    // The reviewer labels the opening turn themself; the model then changes its mind on a re-run.
    const first = call.segments[0]!;
    await t.app.deps.calls.updateSegment(t.em(), actor, { callId: call.id, transcriptVersion: call.transcriptVersion, segmentId: first.id, speaker: 'CLIENT' });
    ollama.setDefault(modelNaming('SPEAKER_00'));
    await t.app.deps.calls.rerun(t.em(), actor, call.id, 'roles');
    const again = await finished(call.id);
    expect(again.progress.status).toBe('done');
    expect(noteOf(again.progress, 'roles')).toMatch(/^model: SPEAKER_00 is the consultant/);
    for (const s of again.call.segments) {
      const expected = s.id === first.id ? 'CLIENT' : tracks.get(s.id) === 'SPEAKER_00' ? 'CONSULTANT' : 'CLIENT';
      expect(s.speaker).toBe(expected);
    }
    expect(again.call.segments.find((s) => s.id === first.id)!.edited).toBe(true);
  }, 120_000);

  test.each([
    ['answers 500 to everything', ollamaErrors.internal],
    ['names no track of the call', modelNaming('SPEAKER_07')],
  ])('cues that cannot tell and a model that %s: the call is done, the labels are left to the reviewer', async (_, behaviour) => {
    turns = diarized('SPEAKER_00', 'SPEAKER_01');
    lineAt = neutralLineAt;
    ollama.setDefault(behaviour);
    const { progress, call } = await processMono();
    expect(progress.status).toBe('done');
    expect(progress.stages.every((s) => s.state === 'done' && s.error === null)).toBe(true);
    expect(rolesAsked().length).toBeGreaterThan(0);
    expect(noteOf(progress, 'roles')).toMatch(/^Could not tell who the consultant is .*label the speakers in the transcript$/);
    expect(call.segments.length).toBe(REFERENCE_TURNS.length);
    expect(call.segments.every((s) => s.speaker === null)).toBe(true);
  }, 90_000);
});
