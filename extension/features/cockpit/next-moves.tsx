import { useId } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../lib/i18n';
import type { ConversationStore } from './conversation-store';

/**
 * The four current suggestions as they stream in, each rated up or down, and a way to get four others. The
 * first, the current best move, is shown large; the other three compactly under it, to read during a call.
 */
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
      <div className="row moves-head">
        <h2 id={`${id}-heading`}>{t('moves.heading')}</h2>
        {complete && view.interactionId && (
          <button
            type="button"
            className="secondary small"
            disabled={regenerating || sending}
            onClick={() => void store.getState().regenerate()}
          >
            {regenerating ? t('moves.regenerating') : t('moves.regenerate')}
          </button>
        )}
      </div>
      {!anything && !sending ? (
        <p className="muted">{t('moves.empty')}</p>
      ) : (
        <ol className="plain stack moves" aria-live="polite">
          {view.suggestions.map((suggestion, index) =>
            suggestion ? (
              // The first is the current best move: large; the other three compact under it (issue 11).
              <li key={suggestion.id} className="card" data-best={index === 0 || undefined}>
                <p className="move-line">
                  <span className="kind">{t(`kind.${suggestion.kind}`)}</span>{' '}
                  <span id={`${id}-text-${index}`} className="move-text">
                    {suggestion.text}
                  </span>
                </p>
                {suggestion.rationale && (
                  <p className="muted rationale">
                    <span className="rationale-label">{t('moves.rationale')}:</span> {suggestion.rationale}
                  </p>
                )}
                <div className="row thumbs">
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
              <li key={`pending-${index}`} className="card muted" data-best={index === 0 || undefined}>
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
