// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createConnectionMonitor, type ConnectionMonitor } from '../../lib/api-client-connection';
import { useLanguageStore } from '../../lib/i18n';
import { memoryPendingInputStorage, type PendingInputStorage } from '../../lib/pending-input-storage';
import { memoryKeyValueStore, webPendingInput } from '../../web/web-platform';
import { Conversation } from './conversation';
import { ResilienceProvider } from './resilience';
import { analysis, fakeCockpitClient, ids, llm, sessionWith, streamEvents } from './test-fixtures';
import { withQueries } from './test-render';

// As in the web bundle: web-platform.ts uses lib/settings.ts's schemas, without extension storage.
vi.mock('wxt/utils/storage', () => import('../../web/no-extension-storage'));

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

function renderOffline(storage: PendingInputStorage = memoryPendingInputStorage(), connection: ConnectionMonitor = createConnectionMonitor()) {
  const fake = fakeCockpitClient();
  const view = render(
    <ResilienceProvider value={{ storage, connection }}>
      {withQueries(<Conversation client={fake.client} session={sessionWith()} onReload={() => undefined} />)}
    </ResilienceProvider>,
  );
  return { ...fake, storage, connection, view };
}
const timeline = () => screen.getByRole('region', { name: 'Przebieg rozmowy' });

describe('the conversation offline', () => {
  test('a note sent offline waits in the timeline as queued, with a cancel; it is sent once the connection is back', async () => {
    const { connection, streams, calls } = renderOffline();
    act(() => connection.setState({ healthError: 'Failed to fetch' }));
    const person = userEvent.setup();
    const input = screen.getByLabelText('Obserwacja') as HTMLTextAreaElement;
    expect(screen.getByRole('status').textContent).toBe('Brak połączenia. Obserwacje czekają w kolejce i zostaną wysłane, gdy połączenie wróci.');
    await person.type(input, 'Klient wraca w piątek');
    await person.click(screen.getByRole('button', { name: 'Dodaj do kolejki' }));

    expect(input.value).toBe('');
    expect(calls.filter((c) => c.path === 'analysis.observe')).toHaveLength(0);
    const queued = within(timeline()).getByText('Klient wraca w piątek').closest('li')!;
    expect(within(queued).getByText('w kolejce, czeka na połączenie')).toBeTruthy();
    expect(within(queued).getByRole('button', { name: 'Anuluj wysyłanie: Klient wraca w piątek' })).toBeTruthy();

    act(() => connection.setState({ healthError: null }));
    expect(within(queued).getByText('wysyłanie…')).toBeTruthy();
    act(() => streamEvents('i-1').forEach((e) => streams[0]!.emit(e)));
    const entry = within(timeline()).getByText('Klient wraca w piątek').closest('li')!;
    expect(within(entry).queryByRole('button')).toBeNull();
  });

  test('cancel puts the queued text back into the box', async () => {
    const { connection } = renderOffline();
    act(() => connection.setState({ socket: 'lost' }));
    const person = userEvent.setup();
    const input = screen.getByLabelText('Obserwacja') as HTMLTextAreaElement;
    await person.type(input, 'Pyta o gwarancję{Control>}{Enter}{/Control}');
    await person.click(screen.getByRole('button', { name: 'Anuluj wysyłanie: Pyta o gwarancję' }));
    expect(input.value).toBe('Pyta o gwarancję');
    expect(screen.getByText('Brak obserwacji. Opisz, co mówi klient.')).toBeTruthy();
  });

  test('what an earlier panel left (queue and draft) is back after a reload', async () => {
    const storage = memoryPendingInputStorage();
    await storage.saveOutbox(ids.session, [{ requestId: '0192f1d2-7a3b-7c4d-8e5f-0000000000aa', kind: 'selection', text: 'Zaznaczony tekst', queuedAt: '2026-01-01T10:00:00.000Z' }]);
    await storage.saveDraft(ids.session, 'note', 'Niedokończona notatka');
    await storage.saveDraft(ids.session, 'chat', 'Niedokończone pytanie');
    const connection = createConnectionMonitor();
    connection.setState({ healthError: 'down' });
    renderOffline(storage, connection);
    expect(await within(timeline()).findByText('Zaznaczony tekst')).toBeTruthy();
    expect(((await screen.findByDisplayValue('Niedokończona notatka')) as HTMLTextAreaElement).id).toBe(screen.getByLabelText('Obserwacja').id);
    expect(screen.getByLabelText('Pytanie do doradcy')).toHaveProperty('value', 'Niedokończone pytanie');
  });

  test('a chat question asked offline stays in the box with a clear message', async () => {
    const { connection, chats } = renderOffline();
    act(() => connection.setState({ healthError: 'Failed to fetch' }));
    const person = userEvent.setup();
    const input = screen.getByLabelText('Pytanie do doradcy') as HTMLTextAreaElement;
    await person.type(input, 'Jak odpowiedzieć na cenę?{Enter}');
    expect(chats).toHaveLength(0);
    expect(input.value).toBe('Jak odpowiedzieć na cenę?');
    expect(screen.getByRole('alert').textContent).toBe('Brak połączenia z API. Pytanie zostało w polu: wyślij je, gdy połączenie wróci.');
    act(() => connection.setState({ healthError: null }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a chat answer cut by a lost connection is stopped, not resent twice, and says so', async () => {
    const { connection, chats } = renderOffline();
    const person = userEvent.setup();
    await person.type(screen.getByLabelText('Pytanie do doradcy'), 'Co z rabatem?{Enter}');
    act(() => chats[0]!.emit({ type: 'delta', text: 'Zapytaj ' }));
    act(() => connection.setState({ socket: 'lost' }));
    expect(chats[0]!.unsubscribed).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('Odpowiedź została przerwana. Zapytaj ponownie.');
  });
});

test('on the web, a note queued offline survives a reload of the page (localStorage) and is sent after it', async () => {
  const local = memoryKeyValueStore();
  const first = renderOffline(webPendingInput(local));
  act(() => first.connection.setState({ healthError: 'Failed to fetch' }));
  const person = userEvent.setup();
  await person.type(screen.getByLabelText('Obserwacja'), 'Klient wraca w piątek');
  await person.click(screen.getByRole('button', { name: 'Dodaj do kolejki' }));
  await within(timeline()).findByText('Klient wraca w piątek');
  first.view.unmount();

  // The reloaded page: a new storage on the same localStorage, and the API back.
  const reloaded = renderOffline(webPendingInput(local));
  const queued = (await within(timeline()).findByText('Klient wraca w piątek')).closest('li')!;
  expect(within(queued).getByText('wysyłanie…')).toBeTruthy();
  expect(reloaded.streams[0]!.input).toMatchObject({ text: 'Klient wraca w piątek' });
});

test("StrictMode's second mount keeps the outbox working, and sends once", async () => {
  const storage = memoryPendingInputStorage();
  await storage.saveOutbox(ids.session, [{ requestId: '0192f1d2-7a3b-7c4d-8e5f-0000000000bb', kind: 'note', text: 'Z kolejki', queuedAt: '2026-01-01T10:00:00.000Z' }]);
  const connection = createConnectionMonitor();
  connection.setState({ healthError: 'down' });
  const fake = fakeCockpitClient();
  render(
    <StrictMode>
      <ResilienceProvider value={{ storage, connection }}>
        {withQueries(<Conversation client={fake.client} session={sessionWith()} onReload={() => undefined} />)}
      </ResilienceProvider>
    </StrictMode>,
  );
  await within(timeline()).findByText('Z kolejki');
  act(() => connection.setState({ healthError: null }));
  expect(fake.streams).toHaveLength(1);
  expect(fake.streams[0]!.input).toMatchObject({ requestId: '0192f1d2-7a3b-7c4d-8e5f-0000000000bb', text: 'Z kolejki' });
});

describe('the model behind the analysis', () => {
  test('says "fallback model" when the analysis came from a model after the first of the chain', () => {
    const connection = createConnectionMonitor();
    connection.setState({
      health: { status: 'ok', database: { ok: true, kind: 'pglite' }, model: { ok: true, mode: 'llm', chain: [{ model: 'gpt-oss:20b' }, { model: 'qwen3:8b' }] } },
    });
    const fallback = { ...llm, model: 'qwen3:8b' };
    const session = sessionWith([{ id: 'i-1', text: 'Dwoje dzieci', analysis: analysis({ mode: 'llm', producedBy: { analysis: fallback, suggestions: fallback } }) }]);
    const fake = fakeCockpitClient();
    render(
      <ResilienceProvider value={{ storage: memoryPendingInputStorage(), connection }}>
        {withQueries(<Conversation client={fake.client} session={session} onReload={() => undefined} />)}
      </ResilienceProvider>,
    );
    const badge = screen.getByText('model zapasowy: qwen3:8b');
    expect(badge.getAttribute('title')).toContain('gpt-oss:20b → qwen3:8b');
    act(() => connection.setState({ health: { ...connection.getState().health!, model: { ok: true, mode: 'llm', chain: [{ model: 'qwen3:8b' }] } } }));
    expect(screen.queryByText(/model zapasowy/)).toBeNull();
  });
});
