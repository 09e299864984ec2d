// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { NOW, fakeObservationSink, fakePageReadingPort, pendingSelection } from './fake-page-reading-port';
import { PageReading } from './page-reading';
import { PendingSelectionNotice } from './pending-selection-notice';
import { PENDING_SELECTION_MAX_AGE_MS } from './use-pending-selection';

beforeEach(() => useLanguageStore.getState().setLanguage('en'));
afterEach(cleanup);
const now = () => NOW;
const settle = () => act(() => Promise.resolve());

describe('PageReading in an open conversation', () => {
  test('a selection already waiting when the panel opens is sent once, as a selection, and cleared', async () => {
    const fake = fakePageReadingPort();
    fake.set(pendingSelection());
    const sink = fakeObservationSink();
    render(<PageReading store={sink.store} port={fake.port} now={now} />);
    await settle();
    expect(sink.sent).toEqual([{ kind: 'selection', text: 'Klient pyta o leasing' }]);
    expect(fake.cleared).toEqual(['sel-1']);
    expect(screen.getByText('The selection was sent for analysis.')).toBeTruthy();
  });

  test('two open panels (and StrictMode’s double effects): the selection is analysed once', async () => {
    const fake = fakePageReadingPort();
    fake.set(pendingSelection());
    const first = fakeObservationSink();
    const second = fakeObservationSink();
    render(
      <StrictMode>
        <PageReading store={first.store} port={fake.port} now={now} />
        <PageReading store={second.store} port={fake.port} now={now} />
      </StrictMode>,
    );
    await settle();
    await settle();
    expect([...first.sent, ...second.sent]).toEqual([{ kind: 'selection', text: 'Klient pyta o leasing' }]);
  });

  test('a selection arriving while an analysis runs waits for it to finish', async () => {
    const fake = fakePageReadingPort();
    const sink = fakeObservationSink();
    sink.setSending(true);
    render(<PageReading store={sink.store} port={fake.port} now={now} />);
    await settle();
    act(() => fake.push(pendingSelection({ id: 'sel-2', text: 'Drugie zaznaczenie' })));
    expect(sink.sent).toEqual([]);
    act(() => sink.setSending(false));
    await settle();
    expect(sink.sent).toEqual([{ kind: 'selection', text: 'Drugie zaznaczenie' }]);
  });

  test('a stale selection (the rep moved on long ago) is dropped, not sent', async () => {
    const fake = fakePageReadingPort();
    fake.set(pendingSelection({ at: NOW - PENDING_SELECTION_MAX_AGE_MS - 1 }));
    const sink = fakeObservationSink();
    render(<PageReading store={sink.store} port={fake.port} now={now} />);
    await settle();
    expect(sink.sent).toEqual([]);
    expect(fake.cleared).toEqual(['sel-1']);
  });

  test('outside the extension (no port) it renders nothing', () => {
    const sink = fakeObservationSink();
    const { container } = render(<PageReading store={sink.store} port={null} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('PendingSelectionNotice before a session is open', () => {
  test('shows the waiting selection and asks for a client; Discard forgets it', async () => {
    const fake = fakePageReadingPort();
    render(<PendingSelectionNotice port={fake.port} now={now} />);
    await settle();
    expect(screen.queryByTestId('pending-selection')).toBeNull();

    act(() => fake.push(pendingSelection()));
    expect(screen.getByRole('region', { name: 'Selection to analyse' }).textContent).toContain('Klient pyta o leasing');
    expect(screen.getByRole('status').textContent).toBe('Choose a client to analyse this selection.');
    expect(screen.getByText('From the page: Jan Kowalski · CRM')).toBeTruthy();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Discard the selection' }));
    expect(screen.queryByTestId('pending-selection')).toBeNull();
    expect(fake.cleared).toEqual(['sel-1']);
  });

  test('Polish', async () => {
    useLanguageStore.getState().setLanguage('pl');
    const fake = fakePageReadingPort();
    fake.set(pendingSelection());
    render(<PendingSelectionNotice port={fake.port} now={now} />);
    await settle();
    expect(screen.getByRole('status').textContent).toBe('Wybierz klienta, aby przeanalizować to zaznaczenie.');
    expect(screen.getByRole('button', { name: 'Odrzuć zaznaczenie' })).toBeTruthy();
  });
});
