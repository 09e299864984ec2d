export interface BarItem {
  key: string;
  label: string;
  /** What the bar shows, in words: the bar itself is decoration (aria-hidden). */
  text: string;
  /** 0…1 of the track; for a diverging bar −1…1 around the middle. */
  value: number;
  tone?: 'good' | 'mid' | 'bad';
}

/**
 * A list of labelled CSS bars with their values in text: a chart that reads the same to a screen reader, in
 * high contrast and at 375 px. `diverging` draws from the middle (sentiment −1…1).
 */
export function BarList({ items, label, diverging = false }: { items: readonly BarItem[]; label: string; diverging?: boolean }) {
  return (
    <ul className="plain bar-list" aria-label={label}>
      {items.map((item) => {
        const value = Math.max(diverging ? -1 : 0, Math.min(1, item.value));
        const style = diverging
          ? { left: `${value < 0 ? 50 + value * 50 : 50}%`, width: `${Math.abs(value) * 50}%` }
          : { width: `${value * 100}%` };
        return (
          <li key={item.key}>
            <span className="name">{item.label}</span>
            <span className="value">{item.text}</span>
            <span className={diverging ? 'bar diverging' : 'bar'} data-tone={item.tone} aria-hidden="true">
              <span className="bar-fill" style={style} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
