import { ThrottledError } from '../../errors';
import { createMemoryLoginThrottle, type LoginThrottle } from './login-throttle';

/**
 * The throttles of the auth module: failed logins per account and per address, failed refreshes per address,
 * and failed setups of the first administrator per address (for the setup route still to come, issue 12).
 */
export type AuthThrottles = { account: LoginThrottle; address: LoginThrottle; refresh: LoginThrottle; setup: LoginThrottle };

export type AuthThrottleLimits = { maxPerAccount: number; maxPerAddress: number; windowSeconds: number };

export function createAuthThrottles({ maxPerAccount, maxPerAddress, windowSeconds }: AuthThrottleLimits, now?: () => number): AuthThrottles {
  const perAddress = () => createMemoryLoginThrottle({ max: maxPerAddress, windowSeconds }, now);
  return {
    account: createMemoryLoginThrottle({ max: maxPerAccount, windowSeconds }, now),
    address: perAddress(),
    refresh: perAddress(),
    setup: perAddress(),
  };
}

/** One key to check: which throttle, the key in it, and what to call it in the audit row. */
export type ThrottleKey = { scope: 'account' | 'address'; throttle: LoginThrottle; key: string };

/**
 * Refuses the attempt, before any password or token is looked at, when any of its keys is locked:
 * a ThrottledError saying when the last lock lifts. `onLockout` hears each key's first refusal in a window
 * (for the one audit row a lockout gets). For the setup route: `assertNotThrottled('setup attempts',
 * [{ scope: 'address', throttle: throttles.setup, key: address }], …)`, then `throttles.setup.fail(address)`
 * on a wrong setup token.
 */
export async function assertNotThrottled(
  what: string,
  keys: readonly ThrottleKey[],
  onLockout: (scope: ThrottleKey['scope'], retryAfterSeconds: number) => Promise<void>,
): Promise<void> {
  let wait = 0;
  for (const { scope, throttle, key } of keys) {
    const verdict = await throttle.check(key);
    if (verdict.allowed) continue;
    wait = Math.max(wait, verdict.retryAfterSeconds);
    if (verdict.firstRefusal) await onLockout(scope, verdict.retryAfterSeconds);
  }
  if (wait > 0) throw new ThrottledError(what, wait);
}
