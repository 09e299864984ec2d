import { useId } from 'react';
import type { LiveSegment } from '@sufler/shared';
import { useT } from '../../../lib/i18n';

/** How many finalized utterances the ticker shows: enough to follow, short enough to stay above the fold. */
export const TICKER_LINES = 4;

/**
 * The live transcript as a ticker: the last few utterances, newest at the bottom, one line each. The side is a
 * word ("Klient", "Konsultant") and a border style, never colour alone. New lines are read out politely.
 */
export function LiveTranscriptTicker({ segments, lines = TICKER_LINES }: { segments: readonly LiveSegment[]; lines?: number }) {
  const t = useT();
  const id = useId();
  const shown = segments.slice(-lines);
  return (
    <section aria-labelledby={`${id}-heading`} className="ticker">
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('live.ticker.heading')}
      </h2>
      {/* The list is always there: a live region inserted with its first line would not announce it. */}
      <ol className="plain" aria-live="polite" aria-relevant="additions">
        {shown.map((segment) => (
          <li key={segment.id} className="ticker-line" data-speaker={segment.speaker} title={segment.text}>
            <span className="ticker-side">{t(`live.side.${segment.speaker}`)}:</span> {segment.text}
          </li>
        ))}
      </ol>
      {shown.length === 0 && <p className="muted ticker-empty">{t('live.ticker.empty')}</p>}
    </section>
  );
}
