// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { withQueries } from '../cockpit/test-render';
import { useLanguageStore } from '../../lib/i18n';
import { CallsHttpError } from './calls-http-error';
import type { CallsUser } from './calls-screen';
import { callIds, callSummary, consultant, fakeCallsClient, fakeCallsHttp, manager, scorecards, users } from './test-fixtures';
import { createUploadStore, type UploadStore } from './upload-store';
import { UploadZone } from './upload-zone';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(cleanup);

const wav = (name: string, bytes = 2048) => new File([new Uint8Array(bytes)], name, { type: 'audio/wav' });

const CLIENTS = [
  { id: '0192f1d2-7a3b-7c4d-8e5f-0000000000d1', name: 'Anna Kowalska' },
  { id: '0192f1d2-7a3b-7c4d-8e5f-0000000000d2', name: 'Piotr Kowalski' },
  { id: '0192f1d2-7a3b-7c4d-8e5f-0000000000d3', name: 'Zofia Nowak' },
];

function renderZone(user: CallsUser = consultant) {
  const { http, uploads } = fakeCallsHttp();
  const onUploaded = vi.fn();
  const store = createUploadStore({ http, onUploaded });
  return { uploads, onUploaded, store, ...renderZoneWith(store, user) };
}

function renderZoneWith(store: UploadStore, user: CallsUser) {
  const fake = fakeCallsClient({
    'users.list': async () => users,
    'clients.list': async ({ search }: { search?: string }) => {
      const items = CLIENTS.filter((c) => !search || c.name.toLowerCase().includes(search.toLowerCase()));
      return { items, total: items.length };
    },
  });
  const onOpen = vi.fn();
  const view = render(withQueries(<UploadZone client={fake.client} user={user} store={store} scorecards={scorecards} onOpen={onOpen} />));
  return { onOpen, ...fake, ...view };
}

const fileRow = (name: string) => screen.getByText(name).closest('li')!;

describe('upload zone', () => {
  test('several files at once, each with its own progress, result or error', async () => {
    const { uploads, onUploaded, onOpen } = renderZone();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Karta oceny'), 'SERVICE');
    await user.selectOptions(screen.getByLabelText('Konsultant w nagraniu stereo'), 'right');
    await user.upload(screen.getByLabelText('Wybierz pliki'), [wav('a.wav'), wav('b.wav'), wav('c.wav')]);

    expect(uploads.map((u) => [u.file.name, u.fields])).toEqual([
      ['a.wav', { scorecardKey: 'SERVICE', consultantChannel: 'right' }],
      ['b.wav', { scorecardKey: 'SERVICE', consultantChannel: 'right' }],
      ['c.wav', { scorecardKey: 'SERVICE', consultantChannel: 'right' }],
    ]);
    const bar = (name: string) => screen.getByRole('progressbar', { name: `Przesyłanie ${name}` });
    expect(bar('a.wav').getAttribute('aria-valuenow')).toBe('0');
    act(() => uploads[0]!.progress(0.42));
    expect(bar('a.wav').getAttribute('aria-valuenow')).toBe('42');
    expect(bar('b.wav').getAttribute('aria-valuenow')).toBe('0');

    await act(async () => uploads[0]!.resolve({ call: callSummary({ title: 'Nowa rozmowa' }), duplicate: false }));
    await act(async () => uploads[1]!.reject(new CallsHttpError('TOO_LARGE', 'limit 200 MB', 413)));
    await act(async () => uploads[2]!.reject(new CallsHttpError('UNSUPPORTED_TYPE', 'text/plain', 415)));

    expect(within(fileRow('a.wav')).getByText('Przesłano. Rozmowa jest przetwarzana.')).toBeTruthy();
    expect(within(fileRow('b.wav')).getByText('Plik jest za duży.')).toBeTruthy();
    expect(within(fileRow('b.wav')).getByText('limit 200 MB')).toBeTruthy();
    expect(within(fileRow('c.wav')).getByText(/To nie jest obsługiwany plik dźwiękowy/)).toBeTruthy();
    expect(screen.queryAllByRole('progressbar')).toHaveLength(0);
    expect(onUploaded).toHaveBeenCalledTimes(1);

    await user.click(within(fileRow('a.wav')).getByRole('button', { name: 'Otwórz rozmowę: Nowa rozmowa' }));
    expect(onOpen).toHaveBeenCalledWith(callIds.call);
  });

  test('an audio that was uploaded before says so and links to the existing call', async () => {
    const { uploads, onOpen } = renderZone();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Wybierz pliki'), wav('stara.wav'));
    await act(async () => uploads[0]!.resolve({ call: callSummary({ id: callIds.other, title: 'Stara rozmowa' }), duplicate: true }));
    expect(screen.getByText('To nagranie było już przesłane; nic nowego nie zapisano.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Otwórz istniejącą rozmowę: Stara rozmowa' }));
    expect(onOpen).toHaveBeenCalledWith(callIds.other);
  });

  test('cancel stops one file only; a finished file can be hidden', async () => {
    const { uploads } = renderZone();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Wybierz pliki'), [wav('a.wav'), wav('b.wav')]);
    await user.click(screen.getByRole('button', { name: 'Anuluj przesyłanie a.wav' }));
    expect(uploads[0]!.signal?.aborted).toBe(true);
    expect(uploads[1]!.signal?.aborted).toBe(false);
    expect(await within(fileRow('a.wav')).findByText('Przesyłanie anulowane.')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Przesyłanie b.wav' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Ukryj a.wav' }));
    expect(screen.queryByText('a.wav')).toBeNull();
  });

  test('files dropped on the zone are uploaded like picked ones; the default is the left channel', () => {
    const { uploads } = renderZone();
    const zone = screen.getByText(/albo upuść je tutaj/).closest('.drop-zone')!;
    fireEvent.drop(zone, { dataTransfer: { files: [wav('upuszczony.wav')] } });
    expect(uploads.map((u) => [u.file.name, u.fields])).toEqual([['upuszczony.wav', { scorecardKey: undefined, consultantChannel: 'left' }]]);
  });

  test('a manager files the call under a consultant (themselves by default), links a client found by search, and titles it', async () => {
    const { uploads, of } = renderZone(manager);
    const user = userEvent.setup();
    const whose = screen.getByLabelText('Konsultant prowadzący') as HTMLSelectElement;
    expect(whose.value).toBe(manager.id);
    await waitFor(() => expect([...whose.options].map((o) => o.textContent)).toEqual(['kierownik@salon.pl (Ty)', 'jan@salon.pl', 'ewa@salon.pl']));
    await user.upload(screen.getByLabelText('Wybierz pliki'), wav('pierwsza.wav'));
    expect(uploads[0]!.fields).toEqual({ consultantChannel: 'left', consultantId: manager.id });

    await user.selectOptions(whose, 'jan@salon.pl');
    const picker = screen.getByLabelText('Klient (opcjonalnie)') as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(4));
    await user.type(screen.getByLabelText('Szukaj klienta'), 'kowal');
    await waitFor(() => expect([...picker.options].map((o) => o.textContent)).toEqual(['Bez klienta', 'Anna Kowalska', 'Piotr Kowalski']));
    expect(of('clients.list').at(-1)).toEqual({ search: 'kowal', limit: 20 });
    expect(screen.getByText('Klientów do wyboru: 2.')).toBeTruthy();
    await user.selectOptions(picker, 'Anna Kowalska');
    // Another search keeps the chosen client a choice.
    await user.clear(screen.getByLabelText('Szukaj klienta'));
    await user.type(screen.getByLabelText('Szukaj klienta'), 'nowak');
    await waitFor(() => expect([...picker.options].map((o) => o.textContent)).toEqual(['Bez klienta', 'Anna Kowalska', 'Zofia Nowak']));
    expect(picker.value).toBe(CLIENTS[0]!.id);
    await user.type(screen.getByLabelText('Tytuł (opcjonalnie)'), '  Kowalska – jazda próbna ');
    await user.upload(screen.getByLabelText('Wybierz pliki'), wav('druga.wav'));
    expect(uploads[1]!.fields).toEqual({
      consultantChannel: 'left',
      consultantId: callIds.consultant,
      clientId: CLIENTS[0]!.id,
      title: 'Kowalska – jazda próbna',
    });
    // The title was for those files; the consultant and the client stay for the next ones.
    expect(screen.getByLabelText('Tytuł (opcjonalnie)')).toHaveProperty('value', '');
    expect([whose.value, picker.value]).toEqual([callIds.consultant, CLIENTS[0]!.id]);
  });

  test('the options outlive the zone (a call opened and closed): they are kept with the uploads', async () => {
    const { store, unmount } = renderZone(manager);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Karta oceny'), 'SERVICE');
    await user.type(screen.getByLabelText('Tytuł (opcjonalnie)'), 'Serwis opon');
    unmount();
    renderZoneWith(store, manager);
    expect(screen.getByLabelText('Karta oceny')).toHaveProperty('value', 'SERVICE');
    expect(screen.getByLabelText('Tytuł (opcjonalnie)')).toHaveProperty('value', 'Serwis opon');
  });

  test("a consultant's uploads are their own: no consultant choice, no user list asked for", async () => {
    const { uploads, of } = renderZone(consultant);
    expect(screen.queryByLabelText('Konsultant prowadzący')).toBeNull();
    await userEvent.setup().upload(screen.getByLabelText('Wybierz pliki'), wav('moja.wav'));
    expect(uploads[0]!.fields.consultantId).toBeUndefined();
    expect(of('users.list')).toEqual([]);
    await waitFor(() => expect(of('clients.list')).toEqual([{ search: undefined, limit: 20 }]));
  });

  test('the picker offers audio files only', () => {
    renderZone();
    const input = screen.getByLabelText('Wybierz pliki') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('audio/*');
    expect(input.accept).toContain('.m4a');
  });
});
