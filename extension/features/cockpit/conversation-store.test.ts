import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createConnectionMonitor, type ConnectionMonitor } from '../../lib/api-client-connection';
import { memoryPendingInputStorage } from '../../lib/pending-input-storage';
import { createConversationStore } from './conversation-store';
import { fakeCockpitClient, ids, sessionWith, streamEvents } from './test-fixtures';

/** What tRPC's wsLink reports when it gives up on a request because its socket closed. */
const socketClosed = () => Object.assign(new Error('WebSocket closed'), { name: 'TRPCWebSocketClosedError' });
/** An answer of the API: a typed error (session ended, not allowed…). */
const refused = () => Object.assign(new Error('This session has ended'), { data: { code: 'CONFLICT' } });

const offline = (monitor: ConnectionMonitor) => monitor.setState({ healthError: 'fetch failed' });
const online = (monitor: ConnectionMonitor) => monitor.setState({ healthError: null, socket: 'open' });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function setup(storage = memoryPendingInputStorage(), monitor = createConnectionMonitor()) {
  const fake = fakeCockpitClient();
  const store = createConversationStore({ client: fake.client, session: sessionWith(), storage, connection: monitor, newId });
  store.getState().start();
  const observeCalls = () => fake.calls.filter((call) => call.path === 'analysis.observe').map((call) => call.input as { text: string; requestId: string; kind: string });
  return { ...fake, store, storage, monitor, observeCalls };
}

beforeEach(() => {
  counter = 0;
});
afterEach(() => vi.useRealTimers());

describe('the outbox', () => {
  test('offline, an observation is queued and kept; back online it is sent with its request id and leaves the outbox once accepted', async () => {
    const { store, storage, monitor, streams, observeCalls } = setup();
    await tick();
    offline(monitor);
    store.getState().setDraft('Klient pyta o leasing');
    store.getState().send();

    expect(observeCalls()).toEqual([]);
    expect(store.getState().draft).toBe('');
    expect(store.getState().outbox).toEqual([expect.objectContaining({ kind: 'note', text: 'Klient pyta o leasing', requestId: newIdAt(1) })]);
    expect(storage.outboxes.get(ids.session)).toEqual(store.getState().outbox);

    online(monitor);
    expect(observeCalls()).toEqual([{ sessionId: ids.session, kind: 'note', text: 'Klient pyta o leasing', requestId: newIdAt(1) }]);
    streams[0]!.emit(streamEvents('i-1')[0]!);
    expect(store.getState().outbox).toEqual([]);
    expect(storage.outboxes.has(ids.session)).toBe(false);
    expect(store.getState().timeline).toEqual([{ id: 'i-1', kind: 'note', text: 'Klient pyta o leasing' }]);
  });

  test('what was queued is sent in order, one at a time, each after the previous one is done', async () => {
    const { store, monitor, streams, observeCalls } = setup();
    await tick();
    offline(monitor);
    store.getState().sendObservation('note', 'pierwsza');
    store.getState().sendObservation('selection', 'druga z zaznaczenia');
    store.getState().sendObservation('note', 'trzecia');
    online(monitor);

    expect(observeCalls().map((c) => c.text)).toEqual(['pierwsza']);
    streamEvents('i-1').forEach((event) => streams[0]!.emit(event));
    expect(observeCalls().map((c) => [c.kind, c.text])).toEqual([
      ['note', 'pierwsza'],
      ['selection', 'druga z zaznaczenia'],
    ]);
    streamEvents('i-2').forEach((event) => streams[1]!.emit(event));
    streamEvents('i-3').forEach((event) => streams[2]!.emit(event));
    expect(new Set(observeCalls().map((c) => c.requestId)).size).toBe(3);
    expect(store.getState().timeline.map((e) => e.text)).toEqual(['pierwsza', 'druga z zaznaczenia', 'trzecia']);
    expect(store.getState().outbox).toEqual([]);
  });

  test('a panel reload keeps the queue and the draft; the new panel sends with the same request id', async () => {
    vi.useFakeTimers();
    const storage = memoryPendingInputStorage();
    const first = setup(storage);
    await vi.advanceTimersByTimeAsync(0);
    offline(first.monitor);
    first.store.getState().sendObservation('note', 'Chce jazdę próbną w sobotę');
    first.store.getState().setDraft('Jeszcze nie wysłane');
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.drafts.get(`${ids.session}:note`)).toBe('Jeszcze nie wysłane');
    first.store.getState().stop();

    const second = setup(storage);
    await vi.advanceTimersByTimeAsync(0);
    expect(second.store.getState().draft).toBe('Jeszcze nie wysłane');
    expect(second.observeCalls()).toEqual([
      { sessionId: ids.session, kind: 'note', text: 'Chce jazdę próbną w sobotę', requestId: first.store.getState().outbox[0]!.requestId },
    ]);
  });

  test('a draft is written once the typing pauses, not on every key', async () => {
    vi.useFakeTimers();
    const storage = memoryPendingInputStorage();
    const saves = vi.spyOn(storage, 'saveDraft');
    const { store } = setup(storage);
    for (const text of ['K', 'Kl', 'Kli', 'Klie']) store.getState().setDraft(text);
    expect(saves).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saves).toHaveBeenCalledWith(ids.session, 'note', 'Klie');
  });

  test('a send lost with its socket stays queued and is tried again with the same request id', async () => {
    vi.useFakeTimers();
    const { store, monitor, streams, observeCalls } = setup();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().sendObservation('note', 'Za drogo');
    streams[0]!.fail(socketClosed());
    expect(store.getState().sendError).toBeNull();
    expect(store.getState().outbox.map((i) => i.text)).toEqual(['Za drogo']);

    offline(monitor);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(observeCalls()).toHaveLength(1);
    online(monitor);
    expect(observeCalls()).toHaveLength(2);
    expect(observeCalls()[1]!.requestId).toBe(observeCalls()[0]!.requestId);
  });

  test('a send the API refuses leaves the outbox and puts the text back in the input', async () => {
    const { store, streams } = setup();
    await tick();
    store.getState().setDraft('Wraca jutro');
    store.getState().send();
    store.getState().setDraft('coś nowego');
    streams[0]!.fail(refused());
    expect(store.getState().outbox).toEqual([]);
    expect(store.getState().sendError).toBe('send');
    expect(store.getState().draft).toBe('Wraca jutro\ncoś nowego');
  });

  test("tRPC resubscribing after a reconnect replays the same interaction: one timeline entry, the analysis redone", async () => {
    const { store, streams } = setup();
    await tick();
    store.getState().sendObservation('note', 'Dwoje dzieci, bagażnik na wózek');
    const events = streamEvents('i-9');
    events.slice(0, 3).forEach((event) => streams[0]!.emit(event));
    // Same subscription, same callbacks: the wsLink sent the request again on the new socket.
    events.forEach((event) => streams[0]!.emit(event));

    expect(streams).toHaveLength(1);
    expect(store.getState().timeline).toEqual([{ id: 'i-9', kind: 'note', text: 'Dwoje dzieci, bagażnik na wózek' }]);
    expect(store.getState().view.stage).toBe('done');
    expect(store.getState().view.suggestions.filter(Boolean)).toHaveLength(4);
    expect(store.getState().sending).toBe(false);
  });

  test('cancel takes a queued observation out and gives its text back; cancelling the one in flight stops it', async () => {
    const { store, storage, monitor, streams } = setup();
    await tick();
    store.getState().sendObservation('note', 'w locie');
    store.getState().sendObservation('note', 'czeka');
    expect(streams).toHaveLength(1);

    store.getState().cancel(store.getState().outbox[1]!.requestId);
    expect(store.getState().outbox.map((i) => i.text)).toEqual(['w locie']);
    expect(store.getState().draft).toBe('czeka');

    store.getState().cancel(store.getState().outbox[0]!.requestId);
    expect(streams[0]!.unsubscribed).toBe(true);
    expect(store.getState().sending).toBe(false);
    expect(store.getState().draft).toBe('w locie\nczeka');
    expect(storage.outboxes.has(ids.session)).toBe(false);
    offline(monitor);
    online(monitor);
    expect(streams).toHaveLength(1);
  });

  test('a page selection goes through the outbox too and leaves the draft alone', async () => {
    const { store, monitor, observeCalls } = setup();
    await tick();
    offline(monitor);
    store.getState().setDraft('moja notatka');
    store.getState().sendObservation('selection', '  Klient: interesuje mnie hybryda  ');
    expect(store.getState().draft).toBe('moja notatka');
    expect(store.getState().outbox).toEqual([expect.objectContaining({ kind: 'selection', text: 'Klient: interesuje mnie hybryda' })]);
    online(monitor);
    expect(observeCalls()[0]).toMatchObject({ kind: 'selection', text: 'Klient: interesuje mnie hybryda' });
  });

  test('"retry now" on the monitor tries the queue again at once', async () => {
    const { store, monitor, streams, observeCalls } = setup();
    await tick();
    store.getState().sendObservation('note', 'Za drogo');
    streams[0]!.fail(socketClosed());
    expect(observeCalls()).toHaveLength(1);
    monitor.getState().retryNow();
    expect(observeCalls()).toHaveLength(2);
  });
});

function newIdAt(n: number) {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
