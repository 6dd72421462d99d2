import { Budget } from '../../../shared/contracts/metering';

/** One sliding-window counter: at most `limit` units per window under `key`; this request adds `cost`. */
export interface RateRule {
  /** Names the limit in errors, e.g. "requests per minute for this API key". */
  label: string;
  key: string;
  limit: number;
  cost: number;
}

export type RateDecision = { allowed: true } | { allowed: false; rule: RateRule; retryAfterMs: number };

/** Sliding-window limits shared by every API instance (one atomic check-and-add over all rules). */
export abstract class RateLimiter {
  abstract admit(rules: RateRule[]): Promise<RateDecision>;
  /** Adds units after the fact (actual tokens minus the estimate admitted); never refuses. */
  abstract add(entries: Array<{ key: string; amount: number }>): Promise<void>;
}

export interface Reservation {
  budgets: Budget[];
  nanos: number;
}

/** Reserve-then-settle against every budget at once; atomic so concurrent requests cannot overspend. */
export abstract class SpendGuard {
  /** Throws PaymentRequiredError naming the exhausted budget's reason. */
  abstract reserve(budgets: Budget[], nanos: number): Promise<Reservation>;
  /** Replaces the reservation with the actual cost (0 = release). */
  abstract settle(reservation: Reservation, actualNanos: number): Promise<void>;
}
