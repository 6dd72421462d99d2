/**
 * Delay before retry `attempt` (1 = the first retry): base x 3^(attempt-1), capped. With the defaults
 * (1 min base, 6 h cap, 10 attempts) the retries span about 24 hours.
 */
export function deliveryBackoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 3 ** Math.max(0, attempt - 1));
}
