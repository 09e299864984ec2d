import { useId } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../lib/i18n';
import type { ConversationStore } from './conversation-store';

/** The four current suggestions as they stream in, each rated up or down, and a way to get four others. */
export function NextMoves({ store }: { store: ConversationStore }) {
  const t = useT();
  const id = useId();
  const view = useStore(store, (state) => state.view);
  const ratings = useStore(store, (state) => state.ratings);
  const sending = useStore(store, (state) => state.sending);
  const regenerating = useStore(store, (state) => state.regenerating);
  const regenerateError = useStore(store, (state) => state.regenerateError);
  const rateError = useStore(store, (state) => state.rateError);
  const anything = view.suggestions.some(Boolean);
  const complete = view.suggestions.every(Boolean);

  return (
    <section aria-labelledby={`${id}-heading`} aria-busy={regenerating || (sending && !complete)} className="stack">
      <h2 id={`${id}-heading`}>{t('moves.heading')}</h2>
      {!anything && !sending ? (
        <p className="muted">{t('moves.empty')}</p>
      ) : (
        <ol className="plain stack" aria-live="polite">
          {view.suggestions.map((suggestion, index) =>
            suggestion ? (
              <li key={suggestion.id} className="card">
                <p className="kind">{t(`kind.${suggestion.kind}`)}</p>
                <p id={`${id}-text-${index}`} className="move-text">
                  {suggestion.text}
                </p>
                {suggestion.rationale && (
                  <p className="muted rationale">
                    <span className="rationale-label">{t('moves.rationale')}:</span> {suggestion.rationale}
                  </p>
                )}
                <div className="row">
                  {/* Short names, the same on every card; the suggestion itself is the description. */}
                  <button
                    type="button"
                    className="secondary thumb"
                    aria-pressed={ratings[suggestion.id] === 1}
                    aria-label={t('moves.up')}
                    aria-describedby={`${id}-text-${index}`}
                    onClick={() => void store.getState().rate(suggestion.id, 1)}
                  >
                    <Thumb up />
                  </button>
                  <button
                    type="button"
                    className="secondary thumb"
                    aria-pressed={ratings[suggestion.id] === -1}
                    aria-label={t('moves.down')}
                    aria-describedby={`${id}-text-${index}`}
                    onClick={() => void store.getState().rate(suggestion.id, -1)}
                  >
                    <Thumb up={false} />
                  </button>
                </div>
              </li>
            ) : (
              <li key={`pending-${index}`} className="card muted">
                {t('moves.waiting')}
              </li>
            ),
          )}
        </ol>
      )}
      {rateError && (
        <p role="alert" className="error">
          {t('moves.rateError')}
        </p>
      )}
      {regenerateError && (
        <p role="alert" className="error">
          {t('moves.regenerateError')}
        </p>
      )}
      {complete && view.interactionId && (
        <button
          type="button"
          className="secondary"
          disabled={regenerating || sending}
          onClick={() => void store.getState().regenerate()}
        >
          {regenerating ? t('moves.regenerating') : t('moves.regenerate')}
        </button>
      )}
    </section>
  );
}

/** A thumb drawn, not an emoji: headless and minimal systems often lack an emoji font. */
function Thumb({ up }: { up: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false" style={up ? undefined : { transform: 'rotate(180deg)' }}>
      <path
        fill="currentColor"
        d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.4-1L13.2 1 6.6 7.6A2 2 0 0 0 6 9v10a2 2 0 0 0 2 2h9a2 2 0 0 0 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"
      />
    </svg>
  );
}
