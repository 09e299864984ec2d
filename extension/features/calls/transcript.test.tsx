// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { callDetail, callIds, segment, trpcError } from './test-fixtures';
import { renderCall } from './test-render';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

const segmentItem = (time: string) => screen.getByRole('button', { name: `Odtwórz od ${time}` }).closest('li')!;

describe('transcript review', () => {
  test('an inline text edit is saved with the transcript version on screen, and the answer replaces the call', async () => {
    const saved = callDetail({ transcriptVersion: 4, segments: [segment(0), segment(1, { text: 'Poprawiony tekst', edited: true }), segment(2)] });
    const { of } = renderCall(callDetail(), { 'calls.updateSegment': async () => saved });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edytuj tekst od 00:10' }));
    const text = screen.getByLabelText('Tekst od 00:10');
    expect(document.activeElement).toBe(text);
    await user.clear(text);
    await user.type(text, 'Poprawiony tekst');
    await user.click(screen.getByRole('button', { name: 'Zapisz' }));

    expect(of('calls.updateSegment')).toEqual([
      { callId: callIds.call, transcriptVersion: 3, segmentId: callIds.segment(1), text: 'Poprawiony tekst' },
    ]);
    expect(await within(segmentItem('00:10')).findByText('Poprawiony tekst')).toBeTruthy();
    expect(within(segmentItem('00:10')).getByText('poprawiony')).toBeTruthy();
    expect(screen.getByText('Wersja transkrypcji: 4')).toBeTruthy();
    expect(screen.queryByLabelText('Tekst od 00:10')).toBeNull();
  });

  test('CONFLICT: the latest version is loaded, the reviewer is told, the draft is kept and saved on the new version', async () => {
    let version = 3;
    let refused = true;
    const { of } = renderCall(() => callDetail({ transcriptVersion: version }), {
      'calls.updateSegment': async () => {
        if (refused) {
          refused = false;
          version = 5; // someone else saved twice meanwhile
          throw trpcError('CONFLICT');
        }
        return callDetail({ transcriptVersion: 6, segments: [segment(0, { text: 'Mój tekst' }), segment(1), segment(2)] });
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edytuj tekst od 00:00' }));
    await user.clear(screen.getByLabelText('Tekst od 00:00'));
    await user.type(screen.getByLabelText('Tekst od 00:00'), 'Mój tekst');
    await user.click(screen.getByRole('button', { name: 'Zapisz' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/Ktoś inny zmienił transkrypcję w międzyczasie/);
    await screen.findByText('Wersja transkrypcji: 5');
    expect(of('calls.get')).toHaveLength(2);
    expect((screen.getByLabelText('Tekst od 00:00') as HTMLTextAreaElement).value).toBe('Mój tekst');

    await user.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect(of('calls.updateSegment').map((input) => (input as { transcriptVersion: number }).transcriptVersion)).toEqual([3, 5]);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(within(segmentItem('00:00')).getByText('Mój tekst')).toBeTruthy();
  });

  test('another failure says the change was not saved, without claiming a conflict', async () => {
    renderCall(callDetail(), { 'calls.updateSegment': async () => Promise.reject(new Error('socket closed')) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edytuj tekst od 00:00' }));
    await user.type(screen.getByLabelText('Tekst od 00:00'), '!');
    await user.click(screen.getByRole('button', { name: 'Zapisz' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nie udało się zapisać zmiany transkrypcji.');
  });

  test('the speaker label is changed from its select', async () => {
    const { of } = renderCall(callDetail(), { 'calls.updateSegment': async () => callDetail({ transcriptVersion: 4 }) });
    const select = await screen.findByRole('combobox', { name: 'Mówca od 00:00' });
    expect((select as HTMLSelectElement).value).toBe('CONSULTANT');
    await userEvent.setup().selectOptions(select, 'Klient');
    expect(of('calls.updateSegment')).toEqual([{ callId: callIds.call, transcriptVersion: 3, segmentId: callIds.segment(0), speaker: 'CLIENT' }]);
  });

  test('merge joins a segment with the next; the last one has nothing to merge with', async () => {
    const { of } = renderCall(callDetail(), { 'calls.mergeSegments': async () => callDetail({ transcriptVersion: 4 }) });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Połącz fragment od 00:10 z następnym' }));
    expect(of('calls.mergeSegments')).toEqual([{ callId: callIds.call, transcriptVersion: 3, segmentId: callIds.segment(1) }]);
    expect(screen.queryByRole('button', { name: 'Połącz fragment od 00:20 z następnym' })).toBeNull();
  });

  test('split at the caret: proportional time, or the player position when it is inside the segment', async () => {
    const text = 'Dzień dobry. Poproszę ofertę.';
    const detail = callDetail({ segments: [segment(0), segment(1, { text, startMs: 10_000, endMs: 20_000 })] });
    const { of } = renderCall(detail, { 'calls.splitSegment': async () => detail });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edytuj tekst od 00:10' }));
    const area = screen.getByLabelText('Tekst od 00:10') as HTMLTextAreaElement;
    const split = screen.getByRole('button', { name: 'Podziel w miejscu kursora' });
    area.setSelectionRange(0, 0);
    fireEvent.select(area);
    expect(split).toHaveProperty('disabled', true);

    area.setSelectionRange(13, 13);
    fireEvent.select(area);
    await user.click(split);
    expect(of('calls.splitSegment')).toEqual([
      { callId: callIds.call, transcriptVersion: 3, segmentId: callIds.segment(1), atChar: 13, atMs: 10_000 + Math.round((10_000 * 13) / text.length) },
    ]);

    // The reviewer played to 17.25 s, where the other voice starts.
    const audio = document.querySelector('audio')!;
    Object.defineProperty(audio, 'currentTime', { configurable: true, value: 17.25 });
    fireEvent.timeUpdate(audio);
    await user.click(screen.getByRole('button', { name: 'Edytuj tekst od 00:10' }));
    const again = screen.getByLabelText('Tekst od 00:10') as HTMLTextAreaElement;
    again.setSelectionRange(13, 13);
    fireEvent.select(again);
    await user.click(screen.getByRole('button', { name: 'Podziel w miejscu kursora' }));
    expect(of('calls.splitSegment')[1]).toMatchObject({ atChar: 13, atMs: 17_250 });
  });

  test('a changed draft must be saved before splitting', async () => {
    renderCall(callDetail());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edytuj tekst od 00:00' }));
    const area = screen.getByLabelText('Tekst od 00:00') as HTMLTextAreaElement;
    await user.type(area, ' dalej');
    area.setSelectionRange(3, 3);
    fireEvent.select(area);
    expect(screen.getByRole('button', { name: 'Podziel w miejscu kursora' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Zapisz zmiany tekstu przed podziałem.')).toBeTruthy();
  });

  test("a segment's time seeks the recording and marks that segment as playing", async () => {
    renderCall(callDetail());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Odtwórz od 00:10' }));
    expect(segmentItem('00:10').getAttribute('aria-current')).toBe('true');
    expect(within(segmentItem('00:10')).getByText('odtwarzany')).toBeTruthy();
    expect(segmentItem('00:00').getAttribute('aria-current')).toBeNull();

    // Playback moves on: the mark follows.
    const audio = document.querySelector('audio')!;
    Object.defineProperty(audio, 'currentTime', { configurable: true, value: 21 });
    act(() => void fireEvent.timeUpdate(audio));
    expect(segmentItem('00:20').getAttribute('aria-current')).toBe('true');
    expect(segmentItem('00:10').getAttribute('aria-current')).toBeNull();
  });
});
