import { LiveServerMessageSchema, type LiveServerMessage } from '@sufler/shared';

/**
 * The capture's side of the `/live` audio socket (shared/src/schemas/live.ts): hello with the current access
 * token, binary frames with sequence numbers, cumulative acks, and `end` → `ended` when the rep stops.
 *
 * Nothing is lost while the API is away: every frame goes into the send buffer first and leaves it only when
 * acknowledged; after a reconnect (a fresh token each time) the server's `ready.nextSeq` says where to resend
 * from, so a restarted server resumes the same live session.
 */

/** A frame kept for resending (the send buffer's entries). */
export interface BufferedFrame {
  seq: number;
  bytes: Uint8Array;
}

/** The part of `createSendBuffer` (@sufler/shared) the socket uses. */
export interface SendBufferLike {
  add(interleaved: Int16Array, durationMs: number): BufferedFrame;
  ack(seq: number): void;
  from(nextSeq: number): readonly BufferedFrame[];
  readonly unackedMs: number;
  readonly droppedMs: number;
  readonly nextSeq: number;
}

/** connecting: first try; open: `ready` received, frames flow; reconnecting: lost, frames are buffered; closed: done. */
export type LiveSocketStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface EndResult {
  callId: string | null;
  /** Null when the server made the call; otherwise why not (the server's, `timeout`, or a fatal error's code). */
  error: string | null;
}

/** The WebSocket surface used (the browser's and Node 22's global WebSocket both fit). */
export type WebSocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState' | 'binaryType'> & {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
};

export interface LiveSocketOptions {
  /** ws(s)://host/live; see `liveSocketUrl`. */
  url: string;
  liveSessionId: string;
  /** The current access token, asked again before every connection (tokens expire during a long meeting). */
  getToken: () => Promise<string | null>;
  buffer: SendBufferLike;
  createWebSocket?: (url: string) => WebSocketLike;
  /** Wait before reconnect attempt n (1, 2, …). */
  reconnectDelayMs?: (attempt: number) => number;
  /** How long a connection may take from the attempt to `ready`. */
  helloTimeoutMs?: number;
  /** How long `end()` waits for `ended` (the server finishes transcribing the tail first). */
  endTimeoutMs?: number;
  onStatus?: (status: LiveSocketStatus) => void;
  /** Every server message (segments and analyses for a capture that shows them, non-fatal errors). */
  onServerMessage?: (message: LiveServerMessage) => void;
  /** A fatal refusal the socket will not retry (NOT_FOUND, FORBIDDEN, NOT_RECORDING, …). */
  onFatal?: (error: { code: string; message: string }) => void;
}

export interface LiveSocket {
  /** Buffers one frame's audio and sends it now if the socket is open. */
  send(interleaved: Int16Array, durationMs: number): BufferedFrame;
  /** No more audio: sends `end` once the buffer has gone out, and resolves with the server's `ended`. */
  end(): Promise<EndResult>;
  /** Abandons the socket without `end` (the server keeps what it acknowledged). */
  close(): void;
  readonly status: LiveSocketStatus;
}

/** The audio socket's address on the API's origin: http → ws, https → wss. */
export function liveSocketUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/live`;
}

/** 0.5 s, 1 s, 2 s, then every 4 s: a restarted API is found within seconds. */
export const liveReconnectDelayMs = (attempt: number) => Math.min(500 * 2 ** (attempt - 1), 4000);

/** Codes that a new connection with a fresh token can cure; any other fatal code ends the capture. */
const RETRYABLE = new Set(['UNAUTHENTICATED', 'INTERNAL']);

export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const {
    url,
    liveSessionId,
    getToken,
    buffer,
    createWebSocket = (address) => new WebSocket(address) as WebSocketLike,
    reconnectDelayMs = liveReconnectDelayMs,
    helloTimeoutMs = 10_000,
    endTimeoutMs = 30_000,
  } = options;

  let status: LiveSocketStatus = 'connecting';
  let ws: WebSocketLike | null = null;
  let ready = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let helloTimer: ReturnType<typeof setTimeout> | undefined;
  let ending: { resolve: (result: EndResult) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  let endSent = false;
  let endResult: Promise<EndResult> | null = null;

  const setStatus = (next: LiveSocketStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };

  const finish = (result: EndResult) => {
    clearTimeout(timer);
    clearTimeout(helloTimer);
    const socket = ws;
    ws = null;
    ready = false;
    if (socket) {
      socket.onclose = socket.onmessage = socket.onerror = socket.onopen = null;
      socket.close(1000, 'done');
    }
    setStatus('closed');
    if (ending) {
      clearTimeout(ending.timer);
      ending.resolve(result);
      ending = null;
    }
  };

  const sendEnd = () => {
    if (!ending || !ready || !ws) return;
    ws.send(JSON.stringify({ type: 'end' }));
    endSent = true;
  };

  const scheduleReconnect = () => {
    if (status === 'closed') return;
    ready = false;
    ws = null;
    setStatus('reconnecting');
    attempt += 1;
    clearTimeout(timer);
    timer = setTimeout(() => void connect(), reconnectDelayMs(attempt));
  };

  const onMessage = (socket: WebSocketLike, event: MessageEvent) => {
    if (socket !== ws || typeof event.data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = LiveServerMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    options.onServerMessage?.(message);
    switch (message.type) {
      case 'ready': {
        clearTimeout(helloTimer);
        ready = true;
        attempt = 0;
        // Everything below nextSeq is already on the server (sent before a drop, or before a restart).
        if (message.nextSeq > 0) buffer.ack(message.nextSeq - 1);
        for (const frame of buffer.from(message.nextSeq)) socket.send(frame.bytes);
        setStatus('open');
        sendEnd();
        break;
      }
      case 'ack':
        buffer.ack(message.seq);
        break;
      case 'ended':
        finish({ callId: message.callId, error: message.error });
        break;
      case 'error':
        if (!message.fatal) break;
        if (RETRYABLE.has(message.code)) {
          // The server closes after a fatal error; close first so the reconnect is ours, not onclose's twice.
          socket.onclose = null;
          socket.close();
          scheduleReconnect();
        } else {
          options.onFatal?.({ code: message.code, message: message.message });
          finish({ callId: null, error: message.code });
        }
        break;
      default:
        break;
    }
  };

  async function connect() {
    if (status === 'closed') return;
    let token: string | null = null;
    try {
      token = await getToken();
    } catch {
      token = null;
    }
    // close() may have run while the token was being fetched.
    if ((status as LiveSocketStatus) === 'closed') return;
    if (!token) {
      scheduleReconnect();
      return;
    }
    let socket: WebSocketLike;
    try {
      socket = createWebSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    ws = socket;
    endSent = false;
    socket.binaryType = 'arraybuffer';
    // From the connection attempt to `ready`: a handshake that hangs (a half-open network, a server going
    // down) would otherwise leave the capture "connecting" for good.
    clearTimeout(helloTimer);
    helloTimer = setTimeout(() => {
      if (socket !== ws || ready) return;
      socket.onclose = null;
      socket.close();
      scheduleReconnect();
    }, helloTimeoutMs);
    socket.onopen = () => {
      if (socket !== ws) return;
      socket.send(JSON.stringify({ type: 'hello', token, liveSessionId }));
    };
    socket.onmessage = (event) => onMessage(socket, event);
    socket.onerror = () => undefined; // onclose follows
    socket.onclose = () => {
      if (socket !== ws) return;
      clearTimeout(helloTimer);
      scheduleReconnect();
    };
  }

  void connect();

  return {
    send(interleaved, durationMs) {
      const frame = buffer.add(interleaved, durationMs);
      if (ready && ws && !endSent) ws.send(frame.bytes);
      return frame;
    },
    end() {
      if (endResult) return endResult;
      if (status === 'closed') return (endResult = Promise.resolve({ callId: null, error: 'closed' }));
      endResult = new Promise<EndResult>((resolve) => {
        // Offline at Stop: go on trying until the timeout, then give up; the server keeps what it acknowledged.
        const endTimer = setTimeout(() => finish({ callId: null, error: 'timeout' }), endTimeoutMs);
        ending = { resolve, timer: endTimer };
        sendEnd();
      });
      return endResult;
    },
    close() {
      finish({ callId: null, error: 'closed' });
    },
    get status() {
      return status;
    },
  };
}
