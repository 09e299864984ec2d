import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useT, type MessageKey } from '../../lib/i18n';
import { MAX_OBSERVATION_TEXT, type PageText } from '../../lib/messages';
import type { ObservationSink } from './observation-sink';
import type { PageReadingPort } from './page-reading-port';
import { PageReadError, type PageReadErrorCode } from './request-page-text';

type ReadState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'empty' }
  | { step: 'error'; code: PageReadErrorCode }
  | { step: 'confirm'; read: PageText; text: string };

const READ_TIMEOUT_MS = 10_000;

/**
 * "Read notes from this page": the page reader's text is shown in an editable box, and only the rep's
 * Send puts it into the session (a page selection as `selection`, anything else as a `note`).
 */
export function ReadNotes({ store, port }: { store: ObservationSink; port: PageReadingPort }) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState<ReadState>({ step: 'idle' });
  const sending = useStore(store, (s) => s.sending);
  const controller = useRef<AbortController | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (state.step === 'confirm') box.current?.focus();
  }, [state.step]);

  const read = async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const timer = setTimeout(() => current.abort(), READ_TIMEOUT_MS);
    setState({ step: 'reading' });
    try {
      const result = await port.readNotes(current.signal);
      if (current.signal.aborted) throw new PageReadError('aborted');
      setState(result.source === 'none' ? { step: 'empty' } : { step: 'confirm', read: result, text: result.text });
    } catch (error) {
      if (controller.current !== current) return;
      setState({ step: 'error', code: error instanceof PageReadError ? error.code : current.signal.aborted ? 'aborted' : 'no-reply' });
    } finally {
      clearTimeout(timer);
    }
  };

  const close = () => {
    setState({ step: 'idle' });
    // The box is gone: focus returns to the button that opened it.
    requestAnimationFrame(() => button.current?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (state.step !== 'confirm' || !state.text.trim() || store.getState().sending) return;
    store.getState().sendObservation(state.read.source === 'selection' ? 'selection' : 'note', state.text);
    close();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <section className="stack page-reading" aria-busy={state.step === 'reading'}>
      <button
        ref={button}
        type="button"
        className="secondary"
        onClick={() => void read()}
        disabled={state.step === 'reading'}
        data-testid="read-notes"
      >
        {state.step === 'reading' ? t('pageReading.reading') : t('pageReading.readNotes')}
      </button>
      {state.step === 'empty' && (
        <div className="row" role="status">
          <p className="muted">{t('pageReading.empty')}</p>
          <button type="button" className="secondary" onClick={() => port.openOptions()}>
            {t('pageReading.openOptions')}
          </button>
        </div>
      )}
      {state.step === 'error' && (
        <p role="alert" className="error" data-testid="read-notes-error">
          {t(`pageReading.error.${state.code}` as MessageKey)}
        </p>
      )}
      {state.step === 'confirm' && (
        <form onSubmit={submit} onKeyDown={onKeyDown} data-testid="read-notes-confirm">
          <label htmlFor={`${id}-text`}>
            {t('pageReading.confirmLabel', { source: sourceLabel(t, state.read) })}
          </label>
          <textarea
            ref={box}
            id={`${id}-text`}
            rows={6}
            maxLength={MAX_OBSERVATION_TEXT}
            value={state.text}
            onChange={(event) => setState({ ...state, text: event.target.value })}
            aria-describedby={`${id}-notes`}
          />
          <div id={`${id}-notes`}>
            {state.read.truncated && <p className="muted">{t('pageReading.truncated')}</p>}
            {sending && <p className="muted">{t('pageReading.busy')}</p>}
          </div>
          <div className="row">
            <button type="submit" disabled={sending || !state.text.trim()} data-testid="read-notes-send">
              {t('pageReading.send')}
            </button>
            <button type="button" className="secondary" onClick={close} data-testid="read-notes-cancel">
              {t('pageReading.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function sourceLabel(t: ReturnType<typeof useT>, read: PageText): string {
  if (read.source === 'selectors') return t('pageReading.source.selectors', { count: String(read.matched) });
  return t(read.source === 'selection' ? 'pageReading.source.selection' : 'pageReading.source.editor');
}
