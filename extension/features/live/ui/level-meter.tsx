import type { Speaker } from '@sufler/shared';
import { useT } from '../../../lib/i18n';

/**
 * One side's sound level (0…1, the capture's last peak) as a bar, `role="meter"` named after the side, so the
 * rep sees at a glance that both sides are heard. Not a live region: it changes ten times a second.
 */
export function LevelMeter({ side, level, captured = true }: { side: Speaker; level: number; captured?: boolean }) {
  const t = useT();
  const name = t(`live.side.${side}`);
  const value = Math.round(Math.min(1, Math.max(0, level)) * 100);
  return (
    <div className="level" data-side={side}>
      <span className="level-name" aria-hidden="true">
        {name}
      </span>
      {captured ? (
        <div
          role="meter"
          aria-label={t('live.level', { side: name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={value}
          aria-valuetext={t('live.levelValue', { value: String(value) })}
          className="bar level-bar"
        >
          <span className="bar-fill" style={{ width: `${value}%` }} />
        </div>
      ) : (
        <span className="muted level-off">
          <span className="visually-hidden">{name}: </span>
          {t('live.clientNotCaptured')}
        </span>
      )}
    </div>
  );
}
