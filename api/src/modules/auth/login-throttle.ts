/**
 * Counts failed attempts (logins, refreshes, the first administrator's setup) per key — an account's
 * normalised e-mail, a client address — in a sliding window, and refuses further attempts once a key has
 * `max` failures in the last `windowSeconds` (issue 12: 48 guesses/s and another user's p95 at 497 ms).
 *
 * An interface so that a shared store (Redis, later in issue 12) can replace the in-process one; until then
 * each replica counts on its own, so behind a load balancer an attacker gets `max` per replica.
 */
export interface LoginThrottle {
  /** Whether `key` may try now. Refused attempts are not failures: a lockout ends `windowSeconds` after it began. */
  check(key: string): Promise<ThrottleVerdict>;
  /** Records a failure of `key`; returns how many it now has in the window, this one included. */
  fail(key: string): Promise<number>;
  /** Forgets `key`'s failures (a successful login clears its account). */
  reset(key: string): Promise<void>;
}

export type ThrottleVerdict =
  | { allowed: true }
  /** `firstRefusal`: the first refusal of this key in a window (the one worth an audit row). */
  | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

export type ThrottleLimit = { max: number; windowSeconds: number };

/** Beyond this many keys, expired ones are swept, and if still full the oldest are dropped (bounded memory). */
const MAX_KEYS = 100_000;

type Entry = { failures: number[]; refusalNotedAt: number };

/** The in-process throttle: a log of the last `max` failure times per key. */
export function createMemoryLoginThrottle({ max, windowSeconds }: ThrottleLimit, now: () => number = Date.now): LoginThrottle {
  const windowMs = windowSeconds * 1000;
  const entries = new Map<string, Entry>();

  const live = (key: string, at: number): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    while (entry.failures.length && entry.failures[0]! <= at - windowMs) entry.failures.shift();
    if (!entry.failures.length) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const makeRoom = (at: number) => {
    if (entries.size < MAX_KEYS) return;
    for (const key of [...entries.keys()]) live(key, at);
    for (const key of entries.keys()) {
      if (entries.size < MAX_KEYS) break;
      entries.delete(key);
    }
  };

  return {
    async check(key) {
      const at = now();
      const entry = live(key, at);
      if (!entry || entry.failures.length < max) return { allowed: true };
      const until = entry.failures[0]! + windowMs;
      const firstRefusal = at - entry.refusalNotedAt >= windowMs;
      if (firstRefusal) entry.refusalNotedAt = at;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - at) / 1000)), firstRefusal };
    },
    async fail(key) {
      const at = now();
      let entry = live(key, at);
      if (!entry) {
        makeRoom(at);
        entry = { failures: [], refusalNotedAt: -Infinity };
        entries.set(key, entry);
      }
      entry.failures.push(at);
      if (entry.failures.length > max) entry.failures.shift();
      return entry.failures.length;
    },
    async reset(key) {
      entries.delete(key);
    },
  };
}
