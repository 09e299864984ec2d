import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { encodeLiveFrame, LIVE_SAMPLE_RATE, LiveServerMessageSchema, type LiveServerMessage } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { decodeAudio } from '../src/adapters/audio/decode-audio';
import { locateFfmpeg } from '../src/adapters/audio/locate-ffmpeg';
import { replayLive, type ReplayEvent } from '../src/cli/live-replay';
import { startServer, type RunningServer } from '../src/server';
import { startTranscribeDouble, type TranscribeDouble } from './doubles/transcribe-double';
import { REFERENCE_LINES, REFERENCE_TURNS, referenceLineForLive } from './fixtures/calls/reference-transcript';
import { fixturePath } from './fixtures/calls/rttm';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

type User = Awaited<ReturnType<TestApp['as']>>;

/** The fixture call as the capture would send it: 16 kHz, left = consultant, right = client. */
async function fixtureSides(): Promise<{ consultant: Int16Array; client: Int16Array }> {
  const decoded = await decodeAudio(await locateFfmpeg(undefined), fixturePath('dialogue_pl_stereo_8k.wav'), { sampleRate: LIVE_SAMPLE_RATE });
  return { consultant: decoded.channels[0]!, client: decoded.channels[1]! };
}

/** A raw /live socket that records every server message, for the protocol's edge cases. */
async function rawSocket(server: RunningServer) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/live`);
  const messages: LiveServerMessage[] = [];
  const waiters: (() => void)[] = [];
  let closed: { code: number } | null = null;
  socket.on('message', (data, isBinary) => {
    if (!isBinary) messages.push(LiveServerMessageSchema.parse(JSON.parse(data.toString())));
    waiters.splice(0).forEach((w) => w());
  });
  socket.on('close', (code) => {
    closed = { code };
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const until = async <T extends LiveServerMessage['type']>(type: T, timeoutMs = 10_000): Promise<Extract<LiveServerMessage, { type: T }>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find((m) => m.type === type);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found as Extract<LiveServerMessage, { type: T }>;
      }
      if (closed || Date.now() > deadline) throw new Error(`no ${type} (closed: ${JSON.stringify(closed)}; got ${JSON.stringify(messages)})`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { socket, messages, until, closed: () => closed, json: (value: unknown) => socket.send(JSON.stringify(value)) };
}

/** Frames of 200 ms from the two sides, starting at `fromSeq`. */
function framesOf(sides: { consultant: Int16Array; client: Int16Array }, fromMs = 0, toMs = Infinity, firstSeq = 0): Uint8Array[] {
  const per = (LIVE_SAMPLE_RATE * 200) / 1000;
  const start = Math.round((fromMs / 1000) * LIVE_SAMPLE_RATE);
  const end = Math.min(sides.consultant.length, Math.round((toMs / 1000) * LIVE_SAMPLE_RATE));
  const frames: Uint8Array[] = [];
  for (let at = start, seq = firstSeq; at < end; at += per, seq++) {
    const n = Math.min(per, end - at);
    const interleaved = new Int16Array(n * 2);
    for (let k = 0; k < n; k++) {
      interleaved[2 * k] = sides.consultant[at + k]!;
      interleaved[2 * k + 1] = sides.client[at + k]!;
    }
    frames.push(encodeLiveFrame(seq, interleaved));
  }
  return frames;
}

/** A client, an open session and a live recording of it, consent confirmed on the current notice. */
async function startMeeting(user: User, mode: 'tab_and_mic' | 'mic_only' = 'tab_and_mic', name = 'Anna Kowalska') {
  const client = await user.caller.clients.create({ name });
  const session = await user.caller.sessions.start({ clientId: client.id });
  const notice = await user.caller.live.notice();
  const { live } = await user.caller.live.start({ sessionId: session.id, mode, consentConfirmed: true, noticeVersion: notice.version, origin: 'test' });
  return { client, session, live };
}

describe.each(DATABASES)('live meetings on %s', (database) => {
  let t: TestApp;
  let server: RunningServer;
  let transcribe: TranscribeDouble;
  let rep: User;
  let other: User;
  let sides: { consultant: Int16Array; client: Int16Array };
  const blobDir = join(tmpdir(), `sufler-live-test-${process.pid}-${database}`);

  async function openSession(user: User) {
    const client = await user.caller.clients.create({ name: 'Anna Kowalska' });
    const session = await user.caller.sessions.start({ clientId: client.id });
    return { client, session };
  }
  async function startLive(user: User, sessionId: string) {
    const notice = await user.caller.live.notice();
    const { live } = await user.caller.live.start({ sessionId, mode: 'tab_and_mic', consentConfirmed: true, noticeVersion: notice.version, origin: 'test' });
    return live;
  }

  beforeAll(async () => {
    sides = await fixtureSides();
    transcribe = await startTranscribeDouble({ respond: ({ filename }) => referenceLineForLive(filename) });
    t = await createTestApp(database, { TRANSCRIBE_URL: transcribe.url, SUFLER_BLOB_DIR: blobDir, SUFLER_VAD: 'energy' });
    server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
    rep = await t.as('consultant');
    other = await t.as('consultant');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
    await transcribe?.close();
  });

  test('nothing starts without the consent confirmed, or against a notice the rep did not see; consent is audited', async () => {
    const { session } = await openSession(rep);
    const notice = await rep.caller.live.notice();
    await expect(rep.caller.live.start({ sessionId: session.id, mode: 'tab_and_mic', consentConfirmed: false as unknown as true, noticeVersion: notice.version })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rep.caller.live.start({ sessionId: session.id, mode: 'tab_and_mic', consentConfirmed: true, noticeVersion: notice.version + 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(other.caller.live.start({ sessionId: session.id, mode: 'tab_and_mic', consentConfirmed: true, noticeVersion: notice.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const live = await startLive(rep, session.id);
    expect(live).toMatchObject({ status: 'recording', transcription: 'live', sessionId: session.id });
    const audit = await t.app.deps.orm.em.getConnection().execute<{ actor_id: string; detail: { consent: boolean; noticeVersion: number } }[]>(
      `select actor_id, detail from audit_log where entity = 'live_session' and entity_id = '${live.id}' and action = 'create'`,
    );
    expect(audit).toEqual([expect.objectContaining({ actor_id: rep.user.id, detail: expect.objectContaining({ consent: true, noticeVersion: notice.version }) })]);
    // A second recording of the same session is refused until the first stops.
    await expect(startLive(rep, session.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await rep.caller.live.stop({ liveSessionId: live.id });
  });

  test('the admin edits the notice; a rep cannot; starting names the new version', async () => {
    const admin = await t.as('admin');
    await expect(rep.caller.live.saveNotice({ text: 'Nagrywamy rozmowy w celu szkolenia.' })).rejects.toBeInstanceOf(TRPCError);
    const saved = await admin.caller.live.saveNotice({ text: 'Rozmowa jest nagrywana w celu szkolenia i oceny jakości obsługi.' });
    expect(saved.version).toBeGreaterThan(0);
    expect(await rep.caller.live.notice()).toEqual(saved);
  });

  test('a meeting streamed through the socket: both sides transcribed live, the co-pilot follows, Stop makes a scored call', async () => {
    const { session } = await openSession(rep);
    const live = await startLive(rep, session.id);
    const followed = collect(await rep.caller.live.follow({ liveSessionId: live.id }));
    const events: ReplayEvent[] = [];
    const ended = await replayLive({ server: server.url, token: rep.token, liveSessionId: live.id, ...sides, speed: 0, onEvent: (e) => events.push(e) });

    expect(ended.callId).toBeTruthy();
    const segments = events.filter((e): e is Extract<ReplayEvent, { type: 'segment' }> => e.type === 'segment');
    // Every reference turn appears, on the right side, with its line (the double recognises perfectly).
    const said = new Set(segments.map((s) => `${s.speaker}|${s.text}`));
    const expected = REFERENCE_TURNS.map((turn, i) => `${turn.speaker}|${REFERENCE_LINES[i]}`);
    expect(expected.filter((line) => !said.has(line))).toEqual([]);
    expect(new Set(segments.map((s) => s.speaker))).toEqual(new Set(['CONSULTANT', 'CLIENT']));
    const analyses = events.filter((e) => e.type === 'analysis');
    expect(analyses.length).toBeGreaterThan(0);
    for (const a of analyses) if (a.type === 'analysis') expect(a.suggestions).toHaveLength(4);

    // The panel's follow saw the same segments and ended with the call.
    const followEvents = await followed;
    expect(followEvents.filter((e) => e.type === 'segment')).toHaveLength(segments.length);
    expect(followEvents.at(-1)).toMatchObject({ type: 'state', live: { status: 'stopped', callId: ended.callId } });

    // The client's words reached the session as transcript observations.
    const detail = await rep.caller.sessions.get({ id: session.id });
    const transcripts = detail.interactions.filter((i) => i.kind === 'transcript');
    expect(transcripts.length).toBe(analyses.length);
    expect(transcripts.map((i) => i.input).join('\n')).toContain('zasięg zimą');
    expect(transcripts.map((i) => i.input).join('\n')).not.toContain('Marek z salonu');

    // The recording is a call: stereo, consultant on the left, the session's client, processed to the end.
    const progress = await collect(await rep.caller.calls.progress({ id: ended.callId! }));
    expect(progress.at(-1)!.status).toBe('done');
    const call = await rep.caller.calls.get({ id: ended.callId! });
    expect(call).toMatchObject({ channels: 2, consultantChannel: 'left', client: { id: detail.clientId } });
    expect(Math.abs(call.durationMs - (sides.consultant.length / LIVE_SAMPLE_RATE) * 1000)).toBeLessThan(300);
    expect(call.stages.find((s) => s.stage === 'transcribe')!.note).toMatch(/from the live transcript/);
    expect(call.segments.filter((s) => s.text).map((s) => s.speaker)).toEqual(expect.arrayContaining(['CLIENT', 'CONSULTANT']));
    expect(call.score).not.toBeNull();
    // The live chunks are gone once the call holds the audio.
    const stored = readdirSync(blobDir, { recursive: true }).map(String);
    expect(stored.some((f) => f.includes(ended.callId!))).toBe(true);
    expect(stored.filter((f) => f.includes(live.id))).toEqual([]);
  }, 120_000);

  test('Stop in the middle of an utterance keeps it: in the live transcript, the follow stream and the call', async () => {
    const { session } = await openSession(rep);
    const live = await startLive(rep, session.id);
    const followed = collect(await rep.caller.live.follow({ liveSessionId: live.id }));
    // Cut 4 s into the consultant's turn that starts at 59.2 s.
    const cut = 16_000 * 63;
    const events: ReplayEvent[] = [];
    const ended = await replayLive({ server: server.url, token: rep.token, liveSessionId: live.id, consultant: sides.consultant.subarray(0, cut), client: sides.client.subarray(0, cut), speed: 0, onEvent: (e) => events.push(e) });
    const stored = await rep.caller.live.get({ liveSessionId: live.id });
    const last = stored.segments.at(-1)!;
    expect(last).toMatchObject({ speaker: 'CONSULTANT' });
    expect(last.startMs).toBeGreaterThan(58_000);
    const followedSegments = (await followed).filter((e) => e.type === 'segment');
    expect(followedSegments).toHaveLength(stored.segments.length);
    expect(events.filter((e) => e.type === 'segment')).toHaveLength(stored.segments.length);
    await collect(await rep.caller.calls.progress({ id: ended.callId! }));
    const call = await rep.caller.calls.get({ id: ended.callId! });
    expect(call.segments.map((s) => s.text).join(' ')).toContain(last.text);
  }, 120_000);

  test('a dropped socket resumes where the server is, and nothing recorded is lost', async () => {
    const { session } = await openSession(rep);
    const live = await startLive(rep, session.id);
    const frames = framesOf(sides);
    const first = await rawSocket(server);
    first.json({ type: 'hello', token: rep.token, liveSessionId: live.id });
    expect(await first.until('ready')).toMatchObject({ nextSeq: 0 });
    for (const frame of frames.slice(0, 60)) first.socket.send(frame);
    await first.until('ack');
    first.socket.terminate();

    const second = await rawSocket(server);
    second.json({ type: 'hello', token: rep.token, liveSessionId: live.id });
    const ready = await second.until('ready');
    // The server kept every frame it took (stored or about to be): the capture resends from there.
    expect(ready.nextSeq).toBe(60);
    // A repeat of frames the server has changes nothing.
    for (const frame of frames.slice(50, frames.length)) second.socket.send(frame);
    second.json({ type: 'end' });
    const ended = await second.until('ended', 60_000);
    expect(ended.callId).toBeTruthy();
    const call = await rep.caller.calls.get({ id: ended.callId! });
    expect(Math.abs(call.durationMs - (sides.consultant.length / LIVE_SAMPLE_RATE) * 1000)).toBeLessThan(300);
  }, 120_000);

  test('bad frames and messages get a clear error and change nothing; the socket goes on', async () => {
    const { session } = await openSession(rep);
    const live = await startLive(rep, session.id);
    const s = await rawSocket(server);
    s.socket.send(encodeLiveFrame(0, new Int16Array(3200)));
    expect(await s.until('error')).toMatchObject({ code: 'BAD_MESSAGE', fatal: true });

    const ok = await rawSocket(server);
    ok.json({ type: 'hello', token: rep.token, liveSessionId: live.id });
    await ok.until('ready');
    ok.socket.send(new Uint8Array([1, 2, 3]));
    expect(await ok.until('error')).toMatchObject({ code: 'BAD_FRAME', fatal: false });
    const wrongRate = encodeLiveFrame(0, new Int16Array(3200));
    new DataView(wrongRate.buffer, wrongRate.byteOffset).setUint32(8, 8000, true);
    ok.socket.send(wrongRate);
    expect(await ok.until('error')).toMatchObject({ code: 'BAD_FORMAT', fatal: false });
    const long = new Uint8Array(16 + 16_000 * 4); // one second in one frame
    long.set(encodeLiveFrame(0, new Int16Array(2)).subarray(0, 16));
    ok.socket.send(long);
    expect(await ok.until('error')).toMatchObject({ code: 'FRAME_TOO_LARGE', fatal: false });
    ok.socket.send('not json');
    expect(await ok.until('error')).toMatchObject({ code: 'BAD_MESSAGE', fatal: false });
    expect(ok.closed()).toBeNull();
    const row = await rep.caller.live.get({ liveSessionId: live.id });
    expect(row).toMatchObject({ receivedMs: 0, segments: [] });

    // Another user's session, and a bad token, are refused and the socket closed.
    const stranger = await rawSocket(server);
    stranger.json({ type: 'hello', token: other.token, liveSessionId: live.id });
    expect(await stranger.until('error')).toMatchObject({ code: 'FORBIDDEN', fatal: true });
    const forged = await rawSocket(server);
    forged.json({ type: 'hello', token: 'not-a-token', liveSessionId: live.id });
    expect(await forged.until('error')).toMatchObject({ code: 'UNAUTHENTICATED', fatal: true });
    ok.socket.close();
    await rep.caller.live.stop({ liveSessionId: live.id });
    expect(await rep.caller.live.get({ liveSessionId: live.id })).toMatchObject({ status: 'stopped', callId: null, error: 'No audio was recorded' });
  }, 60_000);

  test('hostile inputs: oversized or malformed values are 4xx and change nothing; a message past the size bound closes the socket', async () => {
    const admin = await t.as('admin');
    const before = await t.counts();
    await expect(admin.caller.live.saveNotice({ text: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rep.caller.live.get({ liveSessionId: 'not-an-id' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rep.caller.live.stop({ liveSessionId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { session } = await openSession(rep);
    const afterSession = await t.counts();
    await expect(
      rep.caller.live.start({ sessionId: session.id, mode: 'tab_and_mic', consentConfirmed: true, noticeVersion: 0, origin: 'o'.repeat(41) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rep.caller.live.start({ sessionId: session.id, mode: 'both' as never, consentConfirmed: true, noticeVersion: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await t.counts()).toEqual(afterSession);
    expect(before.live_session).toBe(afterSession.live_session);

    const s = await rawSocket(server);
    s.json({ type: 'hello', token: 'x'.repeat(5000), liveSessionId: session.id });
    expect(await s.until('error')).toMatchObject({ code: 'BAD_MESSAGE', fatal: false });
    s.socket.send(new Uint8Array(300 * 1024));
    await expect.poll(() => s.closed()?.code, { timeout: 5000 }).toBe(1009);
  });

  test('Stop from the panel while the capture is gone makes a call of what was stored', async () => {
    const { session } = await openSession(rep);
    const live = await startLive(rep, session.id);
    const s = await rawSocket(server);
    s.json({ type: 'hello', token: rep.token, liveSessionId: live.id });
    await s.until('ready');
    for (const frame of framesOf(sides, 0, 10_000)) s.socket.send(frame);
    await s.until('ack');
    s.socket.terminate();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stopped = await rep.caller.live.stop({ liveSessionId: live.id });
    expect(stopped).toMatchObject({ status: 'stopped', error: null });
    const call = await rep.caller.calls.get({ id: stopped.callId! });
    expect(call.durationMs).toBeGreaterThan(9_500);
    expect(await rep.caller.live.active({ sessionId: session.id })).toBeNull();
  }, 60_000);
});

describe('live meetings without a transcription server', () => {
  let t: TestApp;
  let server: RunningServer;
  beforeAll(async () => {
    t = await createTestApp('pglite', { SUFLER_VAD: 'energy' });
    server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  test('capture still records: no live transcript is promised, and Stop still saves the call', async () => {
    const rep = await t.as('consultant');
    const { live } = await startMeeting(rep, 'mic_only', 'Ewa Lis');
    expect(live.transcription).toBe('off');
    const sides = await fixtureSides();
    const events: ReplayEvent[] = [];
    const ended = await replayLive({ server: server.url, token: rep.token, liveSessionId: live.id, consultant: sides.consultant.subarray(0, 16_000 * 20), client: new Int16Array(0), speed: 0, onEvent: (e) => events.push(e) });
    expect(events[0]).toMatchObject({ type: 'ready', transcription: 'off' });
    expect(events.filter((e) => e.type === 'segment')).toEqual([]);
    const call = await rep.caller.calls.get({ id: ended.callId! });
    expect(call.durationMs).toBeGreaterThan(19_500);
  }, 60_000);

  test('two meetings that sound the same are two calls', async () => {
    const rep = await t.as('consultant');
    const other = await t.as('consultant');
    const audio = (await fixtureSides()).consultant.subarray(0, 16_000 * 5);
    const ids: string[] = [];
    for (const user of [rep, rep, other]) {
      const { live } = await startMeeting(user, 'mic_only', 'Ten sam dźwięk');
      const ended = await replayLive({ server: server.url, token: user.token, liveSessionId: live.id, consultant: audio, client: new Int16Array(0), speed: 0 });
      expect(ended.error).toBeNull();
      ids.push(ended.callId!);
    }
    expect(new Set(ids).size).toBe(3);
  }, 60_000);
});

describe('live meetings without headphones', () => {
  let t: TestApp;
  let server: RunningServer;
  let transcribe: TranscribeDouble;
  beforeAll(async () => {
    // A recogniser that hears what a microphone next to the speakers hears: on the consultant's side,
    // during the client's turns, the client's words.
    transcribe = await startTranscribeDouble({
      respond: ({ filename }) => {
        const match = /consultant-(\d+)\.wav$/.exec(filename ?? '');
        if (!match) return referenceLineForLive(filename);
        const at = Number(match[1]);
        const turn = REFERENCE_TURNS.findIndex((x) => at >= x.startMs - 600 && at < x.endMs);
        return turn >= 0 ? REFERENCE_LINES[turn]! : '';
      },
    });
    t = await createTestApp('pglite', { TRANSCRIBE_URL: transcribe.url, SUFLER_VAD: 'energy' });
    server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
    await transcribe?.close();
  });

  test("the client's voice picked up by the microphone is not taken for the consultant's words", async () => {
    const rep = await t.as('consultant');
    const { live } = await startMeeting(rep, 'tab_and_mic', 'Ola Wiśniewska');
    const sides = await fixtureSides();
    const echoed = new Int16Array(sides.consultant.length);
    for (let i = 0; i < echoed.length; i++) echoed[i] = Math.max(-32768, Math.min(32767, sides.consultant[i]! + Math.round((sides.client[i] ?? 0) * 0.5)));
    const events: ReplayEvent[] = [];
    await replayLive({ server: server.url, token: rep.token, liveSessionId: live.id, consultant: echoed, client: sides.client, speed: 0, onEvent: (e) => events.push(e) });
    const segments = events.filter((e): e is Extract<ReplayEvent, { type: 'segment' }> => e.type === 'segment');
    const clientLines = new Set(REFERENCE_TURNS.flatMap((turn, i) => (turn.speaker === 'CLIENT' ? [REFERENCE_LINES[i]!] : [])));
    // Without the echo check the consultant's side would repeat the client's lines.
    expect(transcribe.requests.some((r) => r.filename?.startsWith('consultant') && clientLines.has(referenceLineForLive(r.filename.replace('consultant', 'client'))))).toBe(true);
    expect(segments.filter((s) => s.speaker === 'CONSULTANT' && clientLines.has(s.text))).toEqual([]);
    expect(segments.filter((s) => s.speaker === 'CLIENT').length).toBe(clientLines.size);
    expect(segments.filter((s) => s.speaker === 'CONSULTANT').length).toBeGreaterThanOrEqual(REFERENCE_TURNS.length - clientLines.size);
  }, 60_000);
});

describe('a capture that never comes back', () => {
  let t: TestApp;
  let server: RunningServer;
  beforeAll(async () => {
    t = await createTestApp('pglite', { SUFLER_VAD: 'energy', SUFLER_LIVE_RESUME_WINDOW_S: '10' });
    server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  test('the browser closed without Stop: past the resume window, what was recorded is saved as a call', async () => {
    const rep = await t.as('consultant');
    const { live } = await startMeeting(rep, 'tab_and_mic', 'Adam Zając');
    const s = await rawSocket(server);
    s.json({ type: 'hello', token: rep.token, liveSessionId: live.id });
    await s.until('ready');
    for (const frame of framesOf(await fixtureSides(), 0, 6000)) s.socket.send(frame);
    await s.until('ack');
    s.socket.terminate();
    expect(await rep.caller.live.get({ liveSessionId: live.id })).toMatchObject({ status: 'recording' });
    let row = await rep.caller.live.get({ liveSessionId: live.id });
    for (let i = 0; i < 40 && row.status !== 'stopped'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      row = await rep.caller.live.get({ liveSessionId: live.id });
    }
    expect(row).toMatchObject({ status: 'stopped', error: null });
    const call = await rep.caller.calls.get({ id: row.callId! });
    expect(call.durationMs).toBeGreaterThan(5_500);
  }, 60_000);
});
