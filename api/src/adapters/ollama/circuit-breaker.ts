export type BreakerState = 'closed' | 'open' | 'half-open';

export type BreakerSnapshot = { state: BreakerState; consecutiveFailures: number; lastError?: string };

export type BreakerOptions = {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** How long an open circuit skips the model before one trial call is let through. */
  coolDownMs: number;
};

/**
 * A circuit breaker for one model. Time is a parameter so the gateway's injected clock drives it.
 * Half-open admits one trial call at a time: a struggling host should get one request, not all of
 * them at once the moment the cool-down ends.
 */
export function createCircuitBreaker({ failures, coolDownMs }: BreakerOptions) {
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError('breaker.failures must be an integer ≥ 1');
  let consecutiveFailures = 0;
  let openedAt = 0;
  let trialInFlight = false;
  let lastError: string | undefined;

  const state = (now: number): BreakerState =>
    consecutiveFailures < failures ? 'closed' : now - openedAt >= coolDownMs ? 'half-open' : 'open';

  return {
    state,
    /** Whether a call may go to the model now; in half-open this takes the single trial slot. */
    tryAcquire(now: number): boolean {
      const current = state(now);
      if (current === 'closed') return true;
      if (current === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    success(): void {
      consecutiveFailures = 0;
      trialInFlight = false;
      lastError = undefined;
    },
    failure(now: number, reason: string): void {
      consecutiveFailures += 1;
      trialInFlight = false;
      lastError = reason;
      if (consecutiveFailures >= failures) openedAt = now;
    },
    /** The call ended without a verdict on the model (aborted, or refused as our own bug). */
    release(): void {
      trialInFlight = false;
    },
    snapshot(now: number): BreakerSnapshot {
      return { state: state(now), consecutiveFailures, ...(lastError !== undefined && { lastError }) };
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
