import { useCallback, useRef, useState } from 'react';

/** HTMLMediaElement.HAVE_METADATA: from here on, setting currentTime seeks. */
const HAVE_METADATA = 1;

/**
 * One `<audio>` shared by the transcript, the evidence links and the chart: `seek` jumps to a time (kept
 * until the recording has loaded when it has not yet) and plays; `currentMs` follows playback.
 */
export function usePlayer() {
  const ref = useRef<HTMLAudioElement>(null);
  const pending = useRef<number | null>(null);
  const [currentMs, setCurrentMs] = useState<number | null>(null);

  const seek = useCallback((ms: number) => {
    setCurrentMs(ms);
    const audio = ref.current;
    if (!audio || audio.readyState < HAVE_METADATA) {
      pending.current = ms;
      return;
    }
    audio.currentTime = ms / 1000;
    // Autoplay rules may refuse; the position is set either way.
    void Promise.resolve(audio.play?.()).catch(() => undefined);
  }, []);

  const events = {
    onLoadedMetadata: () => {
      const audio = ref.current;
      if (audio && pending.current !== null) audio.currentTime = pending.current / 1000;
      pending.current = null;
    },
    onTimeUpdate: () => {
      if (ref.current) setCurrentMs(Math.round(ref.current.currentTime * 1000));
    },
  };
  return { ref, currentMs, seek, events };
}

export type Player = ReturnType<typeof usePlayer>;
