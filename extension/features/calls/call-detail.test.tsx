// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { allStages, callDetail, callIds, evaluation, segment, trpcError } from './test-fixtures';
import { renderCall } from './test-render';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const criterion = (label: string) => screen.getByText(label).closest('li')!;

describe('scorecard result', () => {
  test('total, per-criterion result with its source, evidence that seeks the recording', async () => {
    renderCall(callDetail());
    expect(await screen.findByRole('meter', { name: 'Wynik: 75/100' })).toBeTruthy();
    const greeting = criterion('Powitanie z nazwą salonu');
    expect(within(greeting).getByText('spełnione')).toBeTruthy();
    expect(within(greeting).getByText(/ocena regułami/)).toBeTruthy();
    expect(within(greeting).getByText('Dzień dobry, salon EV Kraków')).toBeTruthy();
    expect(within(criterion('Analiza potrzeb')).getByText(/ocenił model AI/)).toBeTruthy();
    expect(within(criterion('Analiza potrzeb')).getByText('Brak cytatu.')).toBeTruthy();

    await userEvent.setup().click(within(greeting).getByRole('button', { name: 'Odtwórz dowód od 00:01: Powitanie z nazwą salonu' }));
    // 1.5 s falls in the first segment, which is now the one playing.
    expect(screen.getByRole('button', { name: 'Odtwórz od 00:00' }).closest('li')!.getAttribute('aria-current')).toBe('true');
  });

  test('an auto-fail is spelled out', async () => {
    renderCall(callDetail({ evaluation: evaluation({ total: 0, autoFailed: true }) }));
    expect(await screen.findByText('Niespełnione kryterium krytyczne.')).toBeTruthy();
    expect(screen.getByText('Wynik całej rozmowy wynosi 0.')).toBeTruthy();
  });

  test('an override needs a comment; once saved it shows next to the automatic result and can be removed', async () => {
    const overridden = callDetail({
      evaluation: evaluation({
        total: 90,
        criteria: evaluation().criteria.map((c) =>
          c.criterionId === 'needs-analysis'
            ? { ...c, result: 'partly', override: { result: 'partly', comment: 'Pytał o trasy.', byUserId: callIds.reviewer, at: '2026-03-02T10:00:00.000Z' } }
            : c,
        ),
      }),
    });
    const { of } = renderCall(callDetail(), {
      'calls.overrideCriterion': async (input: { result: string | null }) => (input.result === null ? callDetail() : overridden),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Skoryguj kryterium: Analiza potrzeb' }));
    const form = screen.getByRole('form', { name: 'Korekta kryterium: Analiza potrzeb' });
    expect(within(form).getByRole('radio', { name: /niespełnione \(automatycznie\)/ })).toHaveProperty('checked', true);
    await user.click(within(form).getByRole('radio', { name: 'częściowo' }));
    await user.click(within(form).getByRole('button', { name: 'Zapisz korektę' }));

    const comment = within(form).getByLabelText('Komentarz (wymagany)');
    expect(within(form).getByText('Napisz komentarz: wyjaśnia korektę konsultantowi.')).toBeTruthy();
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(comment);
    expect(of('calls.overrideCriterion')).toEqual([]);

    await user.type(comment, '  Pytał o trasy.  ');
    await user.click(within(form).getByRole('button', { name: 'Zapisz korektę' }));
    expect(of('calls.overrideCriterion')).toEqual([{ callId: callIds.call, criterionId: 'needs-analysis', result: 'partly', comment: 'Pytał o trasy.' }]);
    const item = criterion('Analiza potrzeb');
    expect(await within(item).findByText('Korekta: częściowo.')).toBeTruthy();
    expect(within(item).getByText('Automatycznie: niespełnione.')).toBeTruthy();
    expect(within(item).getByText('Pytał o trasy.')).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Wynik: 90/100' })).toBeTruthy();

    await user.click(within(item).getByRole('button', { name: 'Usuń korektę kryterium: Analiza potrzeb' }));
    expect(of('calls.overrideCriterion')[1]).toEqual({ callId: callIds.call, criterionId: 'needs-analysis', result: null });
    await waitFor(() => expect(within(criterion('Analiza potrzeb')).queryByText('Korekta: częściowo.')).toBeNull());
  });
});

describe('stages', () => {
  test('live progress per stage from the subscription; a settled stage fetches the call again', async () => {
    const processing = callDetail({
      status: 'processing',
      segments: [],
      evaluation: null,
      stages: allStages({ transcribe: { state: 'pending', progress: 0 }, roles: { state: 'pending', progress: 0 }, scorecard: { state: 'pending', progress: 0 }, sentiment: { state: 'pending', progress: 0 } }),
    });
    let current = processing;
    const { streams, of } = renderCall(() => current);
    await waitFor(() => expect(streams).toHaveLength(1));
    expect(streams[0]!.input).toEqual({ id: callIds.call });
    expect(screen.getByText('Transkrypcja pojawi się po przetworzeniu nagrania.')).toBeTruthy();

    act(() =>
      streams[0]!.emit({
        callId: callIds.call,
        status: 'processing',
        stages: allStages({ transcribe: { state: 'running', progress: 0.4, note: 'fragment 4 z 10' }, roles: { state: 'pending' }, scorecard: { state: 'pending' }, sentiment: { state: 'pending' } }),
      }),
    );
    expect(screen.getByRole('progressbar', { name: 'Postęp: Transkrypcja' }).getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('fragment 4 z 10')).toBeTruthy();
    expect(screen.getByText('Etap: Transkrypcja')).toBeTruthy();

    current = callDetail({ status: 'processing', stages: allStages({ roles: { state: 'running', progress: 0 } }) });
    act(() => streams[0]!.emit({ callId: callIds.call, status: 'processing', stages: allStages({ roles: { state: 'running', progress: 0 }, scorecard: { state: 'pending' }, sentiment: { state: 'pending' } }) }));
    await waitFor(() => expect(of('calls.get')).toHaveLength(2));
    expect(await screen.findByText('Segment numer 1')).toBeTruthy();
  });

  test('when the call is done the score, the sentiment and the metrics load without a reload', async () => {
    const processing = callDetail({
      status: 'processing',
      evaluation: null,
      metrics: null,
      sentimentTimeline: [],
      stages: allStages({ scorecard: { state: 'running', progress: 0.5 }, sentiment: { state: 'pending', progress: 0 } }),
    });
    let current = processing;
    const { streams, of } = renderCall(() => current);
    expect(await screen.findByText('Ocena pojawi się po przetworzeniu rozmowy.')).toBeTruthy();
    await waitFor(() => expect(streams).toHaveLength(1));
    // The first answer is what was fetched: nothing to fetch again.
    act(() => streams[0]!.emit({ callId: callIds.call, status: 'processing', stages: processing.stages }));
    expect(of('calls.get')).toHaveLength(1);

    current = callDetail();
    act(() => streams[0]!.emit({ callId: callIds.call, status: 'done', stages: allStages() }));
    expect(await screen.findByRole('meter', { name: 'Wynik: 75/100' })).toBeTruthy();
    expect(screen.getByText(/Średnie nastawienie klienta/)).toBeTruthy();
    expect(screen.getByText('55%')).toBeTruthy();
    expect(screen.getByText('Wszystkie etapy zakończone.')).toBeTruthy();
    expect(of('calls.get')).toHaveLength(2);
  });

  test('a stage that settled between the fetch and the subscription fetches the call again at once', async () => {
    const pending = { state: 'pending', progress: 0 } as const;
    const stages = allStages({ transcribe: { state: 'running', progress: 0.8 }, roles: pending, scorecard: pending, sentiment: pending });
    let current = callDetail({ status: 'processing', segments: [], evaluation: null, stages });
    const { streams, of } = renderCall(() => current);
    await waitFor(() => expect(streams).toHaveLength(1));
    current = callDetail({ status: 'processing', evaluation: null, stages: allStages({ roles: { state: 'running' }, scorecard: pending, sentiment: pending }) });
    act(() => streams[0]!.emit({ callId: callIds.call, status: 'processing', stages: current.stages }));
    expect(await screen.findByText('Segment numer 1')).toBeTruthy();
    expect(of('calls.get')).toHaveLength(2);
  });

  test('a failed stage shows its error and can be run again, which follows the progress anew', async () => {
    const failed = callDetail({
      status: 'failed',
      stages: allStages({ transcribe: { state: 'failed', attempts: 3, error: { code: 'TRANSCRIBER_DOWN', message: 'Serwer transkrypcji nie odpowiada' } } }),
    });
    const { streams, of } = renderCall(failed, {
      'calls.rerun': async () => ({ callId: callIds.call, status: 'processing', stages: allStages({ transcribe: { state: 'pending' } }) }),
    });
    expect(await screen.findByText('Serwer transkrypcji nie odpowiada')).toBeTruthy();
    expect(screen.getByText('Błąd na etapie: Transkrypcja')).toBeTruthy();
    expect(screen.getByText('próba 3')).toBeTruthy();
    await waitFor(() => expect(streams).toHaveLength(1));

    await userEvent.setup().click(screen.getByRole('button', { name: 'Uruchom ponownie etap: Transkrypcja' }));
    expect(of('calls.rerun')).toEqual([{ id: callIds.call, stage: 'transcribe' }]);
    await waitFor(() => expect(streams).toHaveLength(2));
    expect(streams[0]!.unsubscribed).toBe(true);
  });

  test('"Przelicz oceny" recomputes and follows the progress', async () => {
    const { streams, of } = renderCall(callDetail(), {
      'calls.recompute': async () => ({ callId: callIds.call, status: 'processing', stages: allStages({ scorecard: { state: 'pending' } }) }),
    });
    await waitFor(() => expect(streams).toHaveLength(1));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Przelicz oceny' }));
    expect(of('calls.recompute')).toEqual([{ id: callIds.call }]);
    await waitFor(() => expect(streams).toHaveLength(2));
  });
});

describe('the call', () => {
  test('the recording plays from an object URL, freed when the call is closed', async () => {
    const blob = new Blob(['RIFF'], { type: 'audio/wav' });
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:call-audio');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { unmount, requests } = renderCall(callDetail(), {}, { audio: async () => blob });
    const audio = await screen.findByLabelText('Nagranie: Rozmowa o leasingu');
    await waitFor(() => expect(audio.getAttribute('src')).toBe('blob:call-audio'));
    expect(create).toHaveBeenCalledWith(blob);
    expect(requests).toEqual([{ kind: 'audio', args: [callIds.call, expect.any(AbortSignal)] }]);
    unmount();
    expect(revoke).toHaveBeenCalledWith('blob:call-audio');
  });

  test('delete asks first, then deletes and goes back to the list', async () => {
    const { of, onBack } = renderCall(callDetail(), { 'calls.delete': async () => ({ id: callIds.call }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Usuń rozmowę' }));
    const confirm = screen.getByRole('group', { name: /Usunąć rozmowę „Rozmowa o leasingu”/ });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Tak, usuń' }));
    await user.click(within(confirm).getByRole('button', { name: 'Nie usuwaj' }));
    expect(of('calls.delete')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Usuń rozmowę' }));
    await user.click(screen.getByRole('button', { name: 'Tak, usuń' }));
    await waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(of('calls.delete')).toEqual([{ id: callIds.call }]);
  });

  test('the PDF is asked for in the UI language and saved as a download', async () => {
    useLanguageStore.getState().setLanguage('en');
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:pdf');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { requests } = renderCall(callDetail(), {}, { pdf: async () => ({ blob: new Blob(['%PDF']), filename: 'call.pdf' }) });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(requests.find((r) => r.kind === 'pdf')?.args).toEqual([callIds.call, 'en']);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect([link.download, link.href]).toEqual(['call.pdf', 'blob:pdf']);
  });

  test('the consultant gets behaviour metrics only, and the screen says no emotions are inferred', async () => {
    renderCall(callDetail({ segments: [segment(0)] }));
    const metrics = (await screen.findByRole('heading', { name: 'Konsultant: przebieg rozmowy' })).closest('section')!;
    expect(within(metrics).getByText('55%')).toBeTruthy();
    expect(within(metrics).getByText('00:42')).toBeTruthy();
    expect(within(metrics).getByText(/Nie rozpoznajemy emocji pracowników/)).toBeTruthy();
  });

  test('a call that is gone (or not ours) says so instead of offering a retry', async () => {
    renderCall(callDetail(), { 'calls.get': async () => Promise.reject(trpcError('NOT_FOUND')) });
    expect((await screen.findByRole('alert')).textContent).toBe('Ta rozmowa nie istnieje albo nie masz do niej dostępu.');
    expect(screen.getByRole('link', { name: 'Wróć do listy rozmów' }).getAttribute('href')).toBe('#/calls');
  });
});
