// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useLanguageStore } from '../../../lib/i18n';
import { withQueries } from '../../cockpit/test-render';
import { LiveMeetingPanel } from './live-meeting';
import { fakeCapture, fakeLiveClient, liveIds, liveRow, notice, segment, wiringOf } from './test-fakes';
import type { LiveWiring } from './use-live-meeting';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

const renderPanel = (wiring: LiveWiring, onAnalysis = () => undefined) =>
  render(withQueries(<LiveMeetingPanel wiring={wiring} sessionId={liveIds.session} onAnalysis={onAnalysis} />));

async function openConsent() {
  const person = userEvent.setup();
  await person.click(await screen.findByRole('button', { name: 'Słuchaj spotkania' }));
  const dialog = await screen.findByRole('dialog', { name: 'Zanim zaczniesz nagrywać' });
  await within(dialog).findByText(notice.text);
  return { person, dialog };
}

const recording = (over = {}) => ({
  phase: 'recording' as const,
  liveSessionId: liveIds.live,
  mode: 'tab_and_mic' as const,
  startedAt: Date.now() - 65_500,
  levels: { consultant: 0.42, client: 0.1 },
  ...over,
});

describe('consent gate and start', () => {
  test('without the confirmation nothing starts, and the dialog says why', async () => {
    const { client, calls } = fakeLiveClient();
    const capture = fakeCapture();
    renderPanel(wiringOf(client, capture.control));
    const { person, dialog } = await openConsent();
    expect(within(dialog).getByText(/Użyj słuchawek/)).toBeTruthy();
    expect(within(dialog).queryByText(/Firefox/)).toBeNull();

    await person.click(within(dialog).getByRole('button', { name: 'Zacznij nagrywać' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Najpierw potwierdź, że klient wie o nagrywaniu.');
    const box = within(dialog).getByRole('checkbox', { name: 'Klient został poinformowany o nagrywaniu' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(box);
    expect(calls.map((c) => c.path)).not.toContain('live.start');
    expect(capture.calls).toEqual([]);
  });

  test('confirmed: live.start with the notice version, then the capture with the id it returned', async () => {
    const { client, calls } = fakeLiveClient();
    const capture = fakeCapture();
    renderPanel(wiringOf(client, capture.control));
    const { person, dialog } = await openConsent();
    await person.click(within(dialog).getByRole('checkbox', { name: 'Klient został poinformowany o nagrywaniu' }));
    await person.click(within(dialog).getByRole('button', { name: 'Zacznij nagrywać' }));

    await waitFor(() => expect(capture.calls).toEqual([{ method: 'start', input: { liveSessionId: liveIds.live, mode: 'tab_and_mic' } }]));
    expect(calls.find((c) => c.path === 'live.start')!.input).toEqual({
      sessionId: liveIds.session,
      mode: 'tab_and_mic',
      consentConfirmed: true,
      noticeVersion: notice.version,
      origin: 'chrome-extension',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('a refused start stays in the dialog and says so; cancel closes it', async () => {
    const { client } = fakeLiveClient({ start: () => Promise.reject(new Error('down')) });
    const capture = fakeCapture();
    renderPanel(wiringOf(client, capture.control));
    const { person, dialog } = await openConsent();
    await person.click(within(dialog).getByRole('checkbox', { name: 'Klient został poinformowany o nagrywaniu' }));
    await person.click(within(dialog).getByRole('button', { name: 'Zacznij nagrywać' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Nie udało się rozpocząć nagrywania. Spróbuj ponownie.');
    expect(capture.calls).toEqual([]);
    await person.click(within(dialog).getByRole('button', { name: 'Anuluj' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Słuchaj spotkania' }));
  });

  test('Firefox: microphone only, said before and in the dialog; the start asks for mic_only', async () => {
    const { client, calls } = fakeLiveClient();
    const capture = fakeCapture({ tabCapture: false });
    renderPanel(wiringOf(client, capture.control));
    const why = 'Firefox nie pozwala nagrywać dźwięku karty; tylko mikrofon (Twoja strona rozmowy).';
    expect(await screen.findByText(why)).toBeTruthy();
    const { person, dialog } = await openConsent();
    expect(within(dialog).getByText(new RegExp(why.replace(/[().;]/g, '.')))).toBeTruthy();
    await person.click(within(dialog).getByRole('checkbox', { name: 'Klient został poinformowany o nagrywaniu' }));
    await person.click(within(dialog).getByRole('button', { name: 'Zacznij nagrywać' }));
    await waitFor(() => expect(capture.calls).toEqual([{ method: 'start', input: { liveSessionId: liveIds.live, mode: 'mic_only' } }]));
    expect(calls.find((c) => c.path === 'live.start')!.input).toMatchObject({ mode: 'mic_only', origin: 'firefox-extension' });

    act(() => capture.set(recording({ mode: 'mic_only' })));
    expect(screen.getByRole('meter', { name: 'Poziom dźwięku: Konsultant' })).toBeTruthy();
    expect(screen.queryByRole('meter', { name: 'Poziom dźwięku: Klient' })).toBeNull();
    expect(screen.getByText('nie nagrywany (tylko mikrofon)')).toBeTruthy();
  });
});

describe('capture phases', () => {
  test('needs a gesture: says where to click, and Stop is there', async () => {
    const capture = fakeCapture();
    renderPanel(wiringOf(fakeLiveClient().client, capture.control));
    act(() => capture.set({ phase: 'needs-gesture', liveSessionId: liveIds.live }));
    expect((await screen.findByText(/Alt\+Shift\+L/)).textContent).toBe(
      'Kliknij ikonę Suflera na karcie spotkania albo naciśnij Alt+Shift+L, aby zacząć nagrywanie.',
    );
    expect(screen.getByRole('button', { name: 'Zatrzymaj nagrywanie' })).toHaveProperty('disabled', false);
  });

  test('needs the microphone permission: a button opens its page', async () => {
    const capture = fakeCapture();
    renderPanel(wiringOf(fakeLiveClient().client, capture.control));
    act(() => capture.set({ phase: 'needs-mic-permission', liveSessionId: liveIds.live }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Otwórz stronę zgody na mikrofon' }));
    expect(capture.calls).toEqual([{ method: 'requestMicPermission' }]);
  });

  test('recording: the red state with the clock, a meter per side and the live transcript', async () => {
    const capture = fakeCapture();
    renderPanel(wiringOf(fakeLiveClient().client, capture.control));
    act(() => capture.set(recording()));
    expect(await screen.findByText('Transkrypcja na żywo.')).toBeTruthy();
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('Nagrywanie');
    expect(screen.getByText('01:05')).toBeTruthy();
    expect(screen.getByText('czas nagrania:', { exact: false })).toBeTruthy();
    const consultant = screen.getByRole('meter', { name: 'Poziom dźwięku: Konsultant' });
    expect(consultant.getAttribute('aria-valuenow')).toBe('42');
    expect(consultant.getAttribute('aria-valuetext')).toBe('42%');
    expect(screen.getByRole('meter', { name: 'Poziom dźwięku: Klient' }).getAttribute('aria-valuenow')).toBe('10');
    expect(screen.getByRole('button', { name: 'Zatrzymaj nagrywanie' })).toHaveProperty('disabled', false);
  });

  test('no transcription server: the panel says the transcript will not come live but the call is saved', async () => {
    const capture = fakeCapture();
    const { client } = fakeLiveClient({ get: async () => ({ ...liveRow({ transcription: 'off' }), segments: [] }) });
    renderPanel(wiringOf(client, capture.control));
    act(() => capture.set(recording()));
    expect(
      await screen.findByText(
        'Transkrypcja nie pojawi się na żywo: nie skonfigurowano serwera transkrypcji. Nagranie i tak zostanie zapisane jako rozmowa.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Poziom dźwięku: Klient' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Transkrypcja' })).toBeNull();
  });

  test('reconnecting: recording goes on and the buffered seconds are shown; lost audio is said honestly', async () => {
    const capture = fakeCapture();
    renderPanel(wiringOf(fakeLiveClient().client, capture.control));
    act(() => capture.set(recording({ phase: 'reconnecting', unackedMs: 12_300, droppedMs: 2_000 })));
    expect(await screen.findByText('Brak połączenia z serwerem: 13 s nagrania czeka na wysłanie.')).toBeTruthy();
    expect(screen.getByText('Utracono 2 s nagrania (zbyt długa przerwa w połączeniu).')).toBeTruthy();
    expect(screen.getByText('Nagrywanie')).toBeTruthy();
  });

  test('the transcript follows live.follow; an analysis event refetches the session', async () => {
    const capture = fakeCapture();
    const { client, emit, calls } = fakeLiveClient();
    const onAnalysis = vi.fn();
    renderPanel(wiringOf(client, capture.control), onAnalysis);
    act(() => capture.set(recording()));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('live.follow'));
    act(() => {
      emit({ type: 'segment', segment: segment(0, 'CLIENT', 'Ile kosztuje wersja hybrydowa?') });
      emit({ type: 'segment', segment: segment(1, 'CONSULTANT', 'Zaraz sprawdzę cennik.') });
    });
    const ticker = screen.getByRole('region', { name: 'Transkrypcja' });
    expect(within(ticker).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Klient: Ile kosztuje wersja hybrydowa?',
      'Konsultant: Zaraz sprawdzę cennik.',
    ]);
    act(() => emit({ type: 'analysis', interactionId: liveIds.call, afterSegment: 1 }));
    expect(onAnalysis).toHaveBeenCalledTimes(1);
  });
});

describe('stop', () => {
  test('stops the capture, then the session, and links to the call in a new tab', async () => {
    const capture = fakeCapture();
    const { client, calls } = fakeLiveClient();
    renderPanel(wiringOf(client, capture.control));
    act(() => capture.set(recording()));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Zatrzymaj nagrywanie' }));
    const link = await screen.findByRole('link', { name: 'Otwórz rozmowę (w nowej karcie)' });
    expect(link.getAttribute('href')).toBe(`http://api.test/#/calls/${liveIds.call}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText(/Nagranie zapisane jako rozmowa/)).toBeTruthy();
    expect(capture.calls).toEqual([{ method: 'stop' }]);
    expect(calls.find((c) => c.path === 'live.stop')!.input).toEqual({ liveSessionId: liveIds.live });
    // Ready for the next meeting.
    expect(screen.getByRole('button', { name: 'Słuchaj spotkania' })).toBeTruthy();
  });

  test('works when live.stop is refused: the capture stops, the rep is told, and can ask again', async () => {
    const capture = fakeCapture();
    const { client, calls } = fakeLiveClient({ stop: () => Promise.reject(new Error('offline')) });
    renderPanel(wiringOf(client, capture.control));
    act(() => capture.set(recording()));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('live.get'));
    const person = userEvent.setup();
    await person.click(screen.getByRole('button', { name: 'Zatrzymaj nagrywanie' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Nagrywanie zatrzymane, ale serwer nie potwierdził końca sesji. Sprawdź rozmowę w sekcji Rozmowy.',
    );
    expect(capture.calls).toEqual([{ method: 'stop' }]);
    await person.click(screen.getByRole('button', { name: 'Zatrzymaj nagrywanie' }));
    await waitFor(() => expect(calls.filter((c) => c.path === 'live.stop')).toHaveLength(2));
  });

  test('a capture that fails to stop does not block the server stop', async () => {
    const capture = fakeCapture({ stop: () => Promise.reject(new Error('offscreen gone')) });
    const { client, calls } = fakeLiveClient();
    renderPanel(wiringOf(client, capture.control));
    act(() => capture.set(recording()));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Zatrzymaj nagrywanie' }));
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('live.stop'));
  });

  test('reopened mid-meeting with the capture gone: the recording on the server is shown and can be stopped', async () => {
    const capture = fakeCapture();
    const { client, calls } = fakeLiveClient({ active: async () => liveRow() });
    renderPanel(wiringOf(client, capture.control));
    expect(await screen.findByText(/Trwa nagrywanie tej sesji/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Zatrzymaj nagrywanie' }));
    expect(await screen.findByRole('link', { name: /Otwórz rozmowę/ })).toBeTruthy();
    expect(calls.find((c) => c.path === 'live.stop')!.input).toEqual({ liveSessionId: liveIds.live });
  });

  test('a capture of another conversation is not shown as this one', async () => {
    const capture = fakeCapture();
    const other = '0192f1d2-7a3b-7c4d-8e5f-0000000000ff';
    const { client } = fakeLiveClient({ get: async () => ({ ...liveRow({ sessionId: other }), segments: [segment(0, 'CLIENT', 'obce')] }) });
    renderPanel(wiringOf(client, capture.control));
    act(() => capture.set(recording()));
    expect(await screen.findByText(/Trwa nagrywanie innej rozmowy/)).toBeTruthy();
    expect(screen.queryByText(/obce/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Słuchaj spotkania' })).toBeNull();
  });
});
