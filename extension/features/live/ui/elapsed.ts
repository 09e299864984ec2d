import { useEffect, useState } from 'react';

/** A duration as a recording clock: "mm:ss", and "h:mm:ss" past the hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const clock = `${two(minutes)}:${two(total % 60)}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}

/** Milliseconds since `startedAt` (epoch ms), ticking every second; null while there is no start. */
export function useElapsed(startedAt: number | null, now: () => number = Date.now): number | null {
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    if (startedAt === null) return;
    setCurrent(now());
    const timer = setInterval(() => setCurrent(now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt, now]);
  return startedAt === null ? null : Math.max(0, current - startedAt);
}
