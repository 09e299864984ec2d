import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTranscribeDouble, type TranscribeDouble } from './doubles/transcribe-double';
import { REFERENCE_LINES, REFERENCE_TURNS, referenceLineForLive } from './fixtures/calls/reference-transcript';
import { fixturePath } from './fixtures/calls/rttm';
import { PASSWORD } from './harness';
import { suflerAsync, type CliResult } from './sufler-cli';

// `sufler live replay` as a child process: the API in that process on one embedded data directory, the
// transcription server a double here that recognises the fixture perfectly. The user is added first by
// `sufler user add` (the embedded database takes one process at a time).

type Line =
  | { type: 'ready'; transcription: string }
  | { type: 'segment'; index: number; speaker: 'CONSULTANT' | 'CLIENT'; start: number; end: number; text: string; latencyMs: number | null }
  | { type: 'analysis'; afterSegment: number; latencyMs: number | null; suggestions: { kind: string; text: string }[] }
  | { type: 'ended'; callId: string | null; error: string | null };

const dir = mkdtempSync(join(tmpdir(), 'sufler-cli-live-'));
const STEREO = join(dir, 'spotkanie-kowalska.wav');
const MONO = join(dir, 'telefon.wav');
const EMAIL = 'rep@salon.pl';

let transcribe: TranscribeDouble;
let env: Record<string, string>;

const replay = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  suflerAsync(['live', 'replay', ...args, '--email', EMAIL, '--speed', '0', '--jsonl'], { ...env, ...options.env }, { input: options.input, timeoutMs: 150_000 });

function lines(run: CliResult): Line[] {
  try {
    return run.out.trim().split('\n').map((line) => JSON.parse(line) as Line);
  } catch {
    throw new Error(`not JSON lines (exit ${run.code}):\n${run.out}\n${run.err}`);
  }
}

/** The reference line of `speaker`'s turn an utterance starting at `startMs` belongs to (its pre-roll included). */
function referenceOf(speaker: string, startMs: number) {
  const turn = REFERENCE_TURNS.findIndex((t) => t.speaker === speaker && startMs >= t.startMs - 600 && startMs < t.endMs);
  return turn >= 0 ? REFERENCE_LINES[turn] : undefined;
}

beforeAll(async () => {
  copyFileSync(fixturePath('dialogue_pl_stereo_8k.wav'), STEREO);
  copyFileSync(fixturePath('dialogue_pl_mono_8k_ulaw.wav'), MONO);
  transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineForLive(filename) });
  env = { SUFLER_DATA_DIR: join(dir, 'data'), TRANSCRIBE_URL: transcribe.url, SUFLER_LLM: 'off' };
  const added = await suflerAsync(['user', 'add', '--email', EMAIL, '--role', 'consultant'], env, { input: PASSWORD });
  expect(added.code, added.err).toBe(0);
}, 60_000);
afterAll(async () => {
  await transcribe?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sufler live replay', () => {
  test('streams a stereo recording: segments of both speakers with the reference text, moves, the call id', async () => {
    const run = await replay([STEREO, '--consultant-channel', 'left'], { input: PASSWORD });
    expect(run.code, run.err).toBe(0);
    const events = lines(run);
    expect(events[0]).toMatchObject({ type: 'ready', transcription: 'live' });

    const segments = events.filter((e) => e.type === 'segment');
    expect(segments.length).toBeGreaterThanOrEqual(10);
    for (const s of segments) {
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.text).toBe(referenceOf(s.speaker, s.start));
      // --speed 0: nothing is paced, so no latency is claimed.
      expect(s.latencyMs).toBeNull();
    }
    expect(new Set(segments.map((s) => s.speaker))).toEqual(new Set(['CONSULTANT', 'CLIENT']));
    // Files named `<side>-<startMs>.wav`: both sides were transcribed live.
    expect(transcribe.requests.some((r) => r.filename?.startsWith('client-'))).toBe(true);
    expect(transcribe.requests.some((r) => r.filename?.startsWith('consultant-'))).toBe(true);

    const analyses = events.filter((e) => e.type === 'analysis');
    expect(analyses.length).toBeGreaterThanOrEqual(1);
    expect(analyses.some((a) => a.suggestions.length === 4)).toBe(true);
    const clientIndexes = new Set(segments.filter((s) => s.speaker === 'CLIENT').map((s) => s.index));
    expect(analyses.every((a) => clientIndexes.has(a.afterSegment))).toBe(true);

    expect(events.at(-1)).toMatchObject({ type: 'ended', callId: expect.stringMatching(/^[0-9a-f-]{36}$/), error: null });
  }, 180_000);

  test('a mono recording is the microphone alone (mic_only): consultant segments; password from SUFLER_PASSWORD', async () => {
    const run = await replay([MONO, '--client', 'Telefon od klienta'], { env: { SUFLER_PASSWORD: PASSWORD } });
    expect(run.code, run.err).toBe(0);
    const events = lines(run);
    const segments = events.filter((e) => e.type === 'segment');
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.every((s) => s.speaker === 'CONSULTANT')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'ended', callId: expect.any(String) });
  }, 180_000);

  test('a wrong password: exit 1, says the login failed and that the user must exist', async () => {
    const run = await replay([STEREO], { env: { SUFLER_PASSWORD: 'not the password at all' } });
    expect(run.code).toBe(1);
    expect(run.err).toContain(`Login failed for ${EMAIL}: Wrong e-mail or password`);
    expect(run.err).toContain('sufler user add');
    expect(run.out).toBe('');
  }, 90_000);

  test('a missing file: exit 1 with its name, before anything starts', async () => {
    const missing = join(dir, 'nie-ma-mnie.wav');
    const run = await replay([missing], { input: PASSWORD });
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe(`No such file: ${missing}`);
  }, 60_000);
});
