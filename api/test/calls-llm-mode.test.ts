import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { segmentSentiment, type CallDetail, type CallProgress } from '@sufler/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Actor } from '../src/modules/actor';
import { ollamaErrors, startOllamaDouble, type ChatCall, type OllamaDouble } from './doubles/ollama-double';
import { startTranscribeDouble, type TranscribeDouble } from './doubles/transcribe-double';
import { referenceLineAt } from './fixtures/calls/reference-transcript';
import { fixturePath } from './fixtures/calls/rttm';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

// The call pipeline with the language model as an aid: the real gateway and `ollama` client against a
// double speaking Ollama's HTTP protocol, the transcription double reading the fixture's reference lines.

const MODEL = 'gpt-oss:20b';
const STEREO = readFileSync(fixturePath('dialogue_pl_stereo_8k.wav'));
/** What the consultant really says, and what the model makes up for another criterion. */
const REAL = 'Zapraszam też na jazdę próbną w czwartek';
const FABRICATED = 'Dam pani rabat piętnaście procent od ręki';
const CLIENT_SCORE = 0.6;

type Messages = { role: string; content: string }[];
/** The numbered lines of a request's untrusted block: `[index] …`. */
const linesOf = ({ messages }: { messages: Messages }) =>
  [...messages.find((m) => m.role === 'user')!.content.matchAll(/^\[(\d+)\] (.*)$/gm)].map((m) => ({ index: Number(m[1]), text: m[2]! }));

/** What the model was shown as the index of each quoted line, to check the evidence against. */
const cited: { real?: number; fabricated?: number } = {};

/** A well-behaved model, by the schema each prompt asks for: the scorecard's, or the client sentiment's. */
function answerBySchema(chat: ChatCall): string {
  const properties = (chat.format as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if ('criteria' in properties) {
    const lines = linesOf(chat);
    cited.real = lines.find((l) => l.text.includes(REAL))?.index;
    cited.fabricated = lines.find((l) => l.text.includes('Możemy przygotować leasing'))?.index;
    return JSON.stringify({
      criteria: [
        { criterionId: 'next-step', result: 'met', quote: REAL, segmentIndex: cited.real ?? null, rationale: 'Konsultant zaprosił na jazdę próbną.' },
        { criterionId: 'objection-handling', result: 'met', quote: FABRICATED, segmentIndex: cited.fabricated ?? null, rationale: 'Konsultant dał rabat.' },
      ],
    });
  }
  return JSON.stringify({ segments: linesOf(chat).map(({ index }) => ({ index, score: CLIENT_SCORE, emotion: 'interested' })) });
}

const purposeOf = (chat: { body: unknown }) =>
  'criteria' in (((chat.body as { format?: { properties?: object } }).format?.properties ?? {}) as object) ? 'scorecard' : 'sentiment';

describe.each(DATABASES)('call evaluation in LLM mode on %s', (database) => {
  let t: TestApp;
  let ollama: OllamaDouble;
  let transcribe: TranscribeDouble;
  let actor: Actor;
  const dir = mkdtempSync(join(tmpdir(), `sufler-calls-llm-${database}-`));

  /** Ingests a recording as the API's upload does, and waits until the pipeline is through with it. */
  async function processCall(bytes: Buffer, name: string): Promise<{ progress: CallProgress; call: CallDetail }> {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const file = { path, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), originalName: name };
    const { call } = await t.app.deps.calls.ingest(t.em(), actor, file, { scorecardKey: 'SALES', consultantChannel: 'left' });
    const progress = (await collect(t.app.deps.calls.progress(t.em(), actor, call.id))).at(-1)!;
    return { progress, call: await t.app.deps.calls.get(t.em(), actor, call.id) };
  }

  beforeAll(async () => {
    ollama = await startOllamaDouble({ models: [MODEL] });
    transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineAt(filename) });
    t = await createTestApp(database, { TRANSCRIBE_URL: transcribe.url, OLLAMA_URL: ollama.url, OLLAMA_MODELS: MODEL, OLLAMA_TIMEOUT_MS: '5000', SUFLER_LLM: 'on' });
    const { user } = await t.as('consultant');
    actor = { id: user.id, role: 'consultant' };
  }, 60_000);
  beforeEach(() => ollama.reset());
  afterAll(async () => {
    await t?.close();
    await transcribe?.close();
    await ollama?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a quote from the transcript is the evidence; a made-up one falls back to the phrase rules; only the client is rated', async () => {
    ollama.setDefault({ reply: answerBySchema });
    const { progress, call } = await processCall(STEREO, 'rozmowa-kowalska.wav');
    expect(progress.status).toBe('done');
    expect(ollama.chats().filter((c) => purposeOf(c) === 'scorecard')).toHaveLength(1);

    const criteria = new Map(call.evaluation!.criteria.map((c) => [c.criterionId, c]));
    const invited = call.segments.find((s) => s.text.includes(REAL))!;
    expect(invited.speaker).toBe('CONSULTANT');
    // The model was shown the transcript in segment order: the line it cited is that segment.
    expect(call.segments[cited.real!]!.id).toBe(invited.id);
    expect(criteria.get('next-step')!.automatic).toEqual({
      criterionId: 'next-step',
      result: 'met',
      source: 'llm',
      rationale: 'Konsultant zaprosił na jazdę próbną.',
      evidence: { quote: REAL, atMs: invited.startMs, segmentId: invited.id },
    });

    const objection = criteria.get('objection-handling')!.automatic;
    expect(cited.fabricated).toEqual(expect.any(Number));
    expect(objection.source).toBe('rules');
    expect(objection.rationale).not.toBe('Konsultant dał rabat.');
    expect(objection.evidence?.quote ?? '').not.toContain('rabat');
    // Criteria the model did not answer stay with the rules as well.
    expect([...criteria.values()].filter((c) => c.automatic.source === 'llm').map((c) => c.criterionId)).toEqual(['next-step']);

    const client = call.segments.filter((s) => s.speaker === 'CLIENT');
    expect(client.length).toBeGreaterThanOrEqual(5);
    for (const s of client) {
      expect(s).toMatchObject({ sentimentSource: 'llm', emotion: 'interested' });
      // The model's score is blended with the offline lexicon's.
      expect(s.sentiment).toBeCloseTo((segmentSentiment(s.text).score + CLIENT_SCORE) / 2, 2);
    }
    for (const s of call.segments.filter((x) => x.speaker === 'CONSULTANT')) {
      expect(s).toMatchObject({ sentiment: null, emotion: null, sentimentSource: null });
    }
    // The consultant's words were never sent to be rated.
    const rated = ollama.chats().filter((c) => purposeOf(c) === 'sentiment').flatMap((c) => linesOf(c.body as { messages: Messages }).map((l) => l.text));
    expect(rated.sort()).toEqual(client.map((s) => s.text).sort());
  }, 90_000);

  test('a model answering 500 to everything: the call is still done, scored and rated by the rules', async () => {
    ollama.setDefault(ollamaErrors.internal);
    const bytes = Buffer.from(STEREO);
    bytes[bytes.length - 1]! ^= 1; // other bytes, same call: not recognised as a re-upload
    const { progress, call } = await processCall(bytes, 'rozmowa-bez-modelu.wav');
    expect(progress.status).toBe('done');
    expect(progress.stages.every((s) => s.state === 'done' && s.error === null)).toBe(true);
    expect(progress.stages.find((s) => s.stage === 'scorecard')!.note).toMatch(/phrase rules only/);
    expect(ollama.chats().length).toBeGreaterThan(0); // it was asked, and failed
    expect(call.evaluation!.total).toBeGreaterThan(0);
    expect(call.evaluation!.criteria.every((c) => c.automatic.source === 'rules')).toBe(true);
    const client = call.segments.filter((s) => s.speaker === 'CLIENT');
    expect(client.length).toBeGreaterThan(0);
    expect(client.every((s) => s.sentimentSource === 'rules' && s.sentiment !== null)).toBe(true);
  }, 90_000);
});
