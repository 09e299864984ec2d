import { describe, expect, test } from 'vitest';
import { assignLiveText } from './reuse-live-transcript';

const seg = (id: string, channel: number, startMs: number, endMs: number) => ({ id, channel, startMs, endMs });

describe('assignLiveText', () => {
  const segments = [seg('a', 0, 0, 2000), seg('b', 1, 2100, 5000), seg('c', 0, 5200, 7000), seg('d', 1, 7500, 9000)];

  test('each live line goes to the overlapping segment of its own side', () => {
    const texts = assignLiveText(
      segments,
      [
        { speaker: 'CONSULTANT', startMs: 100, endMs: 1900, text: 'Dzień dobry.' },
        { speaker: 'CLIENT', startMs: 2000, endMs: 3500, text: 'Szukam auta' },
        { speaker: 'CLIENT', startMs: 3600, endMs: 5100, text: 'dla rodziny.' },
        { speaker: 'CONSULTANT', startMs: 5300, endMs: 6900, text: 'Zapraszam.' },
      ],
      'left',
    );
    expect(Object.fromEntries(texts)).toEqual({ a: 'Dzień dobry.', b: 'Szukam auta dla rodziny.', c: 'Zapraszam.' });
  });

  test('the consultant on the right swaps the sides', () => {
    const texts = assignLiveText(segments, [{ speaker: 'CONSULTANT', startMs: 2200, endMs: 4000, text: 'Tak.' }], 'right');
    expect(Object.fromEntries(texts)).toEqual({ b: 'Tak.' });
  });

  test('a line overlapping no segment of its side, or with no text, is not used', () => {
    const texts = assignLiveText(
      segments,
      [
        { speaker: 'CLIENT', startMs: 100, endMs: 1900, text: 'echo?' },
        { speaker: 'CONSULTANT', startMs: 5300, endMs: 6900, text: '  ' },
      ],
      'left',
    );
    expect(texts.size).toBe(0);
  });
});
