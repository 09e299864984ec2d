import type { RawData, WebSocket } from 'ws';
import { decodeLiveFrame, LiveClientMessageSchema, LiveFrameError, type LiveErrorCode, type LiveServerMessage } from '@sufler/shared';
import { DomainError } from '../../errors';
import type { AppDeps } from '../../trpc/context';
import { authenticate } from '../../trpc/init';
import type { LiveRecorder } from './live-recorder';
import type { LiveService } from './live.service';

/** The largest WebSocket message taken at all (a frame is at most 500 ms = 32 KB); bigger ones close the socket. */
export const LIVE_MAX_MESSAGE_BYTES = 256 * 1024;
const HELLO_TIMEOUT_MS = 10_000;

const CLOSE = { normal: 1000, policy: 1008, unauthenticated: 4401, forbidden: 4403, notFound: 4404, conflict: 4409 } as const;

/**
 * One capture's audio socket (`/live`): a JSON `hello` with the access token and the live session, then
 * binary frames, acknowledged once stored; `end` makes the recording a call. A bad frame or message is
 * answered with an error and changes nothing; only a failed hello, an over-long recording or a second
 * capture taking the session over close the socket.
 */
export function handleLiveSocket(socket: WebSocket, deps: AppDeps, live: LiveService): void {
  let state: { recorder: LiveRecorder; id: string; owner: symbol; off: (() => void)[] } | null = null;
  let ended = false;
  const send = (message: LiveServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const refuse = (code: LiveErrorCode, message: string, fatal = false, closeCode: number = CLOSE.policy) => {
    send({ type: 'error', code, message, fatal });
    if (fatal) socket.close(closeCode, code);
  };
  const helloTimer = setTimeout(() => refuse('BAD_MESSAGE', 'Say hello first: {"type":"hello","token":…,"liveSessionId":…}', true), HELLO_TIMEOUT_MS);

  async function hello(token: string, liveSessionId: string) {
    clearTimeout(helloTimer);
    try {
      const actor = await authenticate(deps, deps.orm.em.fork(), token);
      const { recorder, owner, row } = await live.attach(actor, liveSessionId);
      const off = [
        recorder.onAck((seq) => send({ type: 'ack', seq })),
        live.events.on(liveSessionId, (event) => {
          if (event.type === 'segment') send({ type: 'segment', segment: event.segment });
          else if (event.type === 'analysis') send({ type: 'analysis', interactionId: event.interactionId, afterSegment: event.afterSegment, suggestions: event.suggestions });
        }),
      ];
      state = { recorder, id: liveSessionId, owner, off };
      send({ type: 'ready', nextSeq: recorder.nextSeq, transcription: row.transcription });
      if (recorder.storedSeq > 0) send({ type: 'ack', seq: recorder.storedSeq - 1 });
    } catch (error) {
      if (error instanceof DomainError) {
        const code = error.code === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : error.code === 'FORBIDDEN' ? 'FORBIDDEN' : error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'NOT_RECORDING';
        const close = { UNAUTHENTICATED: CLOSE.unauthenticated, FORBIDDEN: CLOSE.forbidden, NOT_FOUND: CLOSE.notFound, NOT_RECORDING: CLOSE.conflict }[code];
        return refuse(code, error.message, true, close);
      }
      deps.logger.error({ err: error }, 'live socket hello failed');
      refuse('INTERNAL', 'Something went wrong on the server', true, 1011);
    }
  }

  async function end() {
    if (!state || ended) return;
    ended = true;
    try {
      const result = await live.finish(state.id);
      send({ type: 'ended', callId: result.callId, error: result.error });
      socket.close(CLOSE.normal, 'ended');
    } catch (error) {
      deps.logger.error({ err: error, liveSessionId: state.id }, 'a live session could not be ended');
      send({ type: 'ended', callId: null, error: 'The recording could not be saved as a call' });
      socket.close(1011, 'end failed');
    }
  }

  function frame(data: Buffer) {
    if (!state) return refuse('BAD_MESSAGE', 'Say hello before sending audio', true);
    if (ended) return;
    if (!live.holds(state.id, state.owner)) return refuse('NOT_RECORDING', 'Another capture took over this live session', true, CLOSE.conflict);
    let decoded;
    try {
      decoded = decodeLiveFrame(data);
    } catch (error) {
      if (error instanceof LiveFrameError) return refuse(error.code, error.message);
      throw error;
    }
    // A repeat (a resend overlapping what arrived) is ignored; a gap means the capture lost frames in a long
    // outage, and the recorder keeps time with silence in their place.
    if (state.recorder.classify(decoded.seq) === 'repeat') return;
    if (state.recorder.accept(decoded) === 'too-long') {
      refuse('TOO_LONG', 'The recording reached the longest call Sufler keeps (SUFLER_CALL_MAX_MINUTES): it is saved as a call now');
      void end();
    }
  }

  socket.on('message', (data: RawData, isBinary: boolean) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (isBinary) return frame(bytes);
    let message;
    try {
      message = LiveClientMessageSchema.parse(JSON.parse(bytes.toString('utf8')));
    } catch {
      return refuse('BAD_MESSAGE', 'Not a message Sufler understands: {"type":"hello"|"end",…}');
    }
    if (message.type === 'hello') {
      if (state) return refuse('BAD_MESSAGE', 'Already said hello on this socket');
      void hello(message.token, message.liveSessionId);
    } else void end();
  });

  socket.on('close', () => {
    clearTimeout(helloTimer);
    if (!state) return;
    for (const off of state.off) off();
    if (!ended) void live.detach(state.id, state.owner).catch((error: unknown) => deps.logger.warn({ err: error }, 'live session detach failed'));
  });
  socket.on('error', (error) => deps.logger.debug({ err: error }, 'live socket error'));
}
