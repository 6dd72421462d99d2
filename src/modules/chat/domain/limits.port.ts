import type { CounterAdjustment } from './usage-record';
import { Budget } from '../../../shared/contracts/metering';
import { PaymentRequiredError, RateLimitedError } from '../../../shared/domain/domain-error';

/** One sliding-window counter: at most `limit` units per window under `key`; this request adds `cost`. */
export interface RateRule {
  /** Names the limit in errors, e.g. "requests per minute for this API key". */
  label: string;
  key: string;
  limit: number;
  cost: number;
}

export type RateDecision = { allowed: true } | { allowed: false; rule: RateRule; retryAfterMs: number };

/** A request refused by `rule` (429 with Retry-After). */
export class RateLimitExceededError extends RateLimitedError {
  constructor(
    readonly rule: RateRule,
    retryAfterMs: number,
  ) {
    super(`Rate limit reached: ${rule.limit} ${rule.label}`, Math.ceil(retryAfterMs / 1000));
  }
}

/** Sliding-window limits shared by every API instance (one atomic check-and-add over all rules). */
export abstract class RateLimiter {
  abstract admit(rules: RateRule[]): Promise<RateDecision>;
  /** Adds units after the fact (actual tokens minus the estimate admitted); never refuses. */
  abstract add(entries: CounterAdjustment[]): Promise<void>;
}

/** Worst-case cost held against budgets for one model call of the usage record `usageId`. */
export interface Reservation {
  id: string;
  tenantId: string;
  usageId: string;
  budgets: Budget[];
  nanos: number;
  /** Epoch ms after which the sweeper may reconcile it if it was never settled. */
  expiresAt: number;
  /**
   * The only call its usage record bills (an OpenAI-compatible completion; an agent turn's tool rounds are
   * several). Settling it then keeps no running total of what the record has settled: the sweeper needs
   * one only to reconcile a record's other calls, and it would stay in Redis a day per call.
   */
  soleCall?: boolean;
  /**
   * Set when the call was admitted and reserved from a lease (quota this instance took ahead of need): the
   * lease's usage id, which the call's usage record carries so a lease left open is reconciled against it.
   */
  leaseId?: string;
}

/** A reservation past its expiry, as the sweeper finds it. */
export interface StaleReservation {
  id: string;
  tenantId: string;
  usageId: string;
}

/** A reservation refused because it would take `budget` over its limit (402, code = the budget's reason). */
export class BudgetExhaustedError extends PaymentRequiredError {
  constructor(
    message: string,
    readonly budget: Budget,
  ) {
    super(message, budget.reason);
  }
}

/**
 * Reserve-then-settle against every budget at once; atomic so concurrent requests cannot overspend.
 * Settling and reconciling are idempotent (a reservation is closed once), so both may be retried.
 */
export abstract class SpendGuard {
  /**
   * Throws BudgetExhaustedError naming the exhausted budget. `admission`, when given, is checked and counted
   * first in the same atomic step, exactly as RateLimiter.admit would (a refusal throws
   * RateLimitExceededError and reserves nothing; a budget's refusal leaves the request counted): a call
   * that must pass both pays one round trip instead of two in a row.
   */
  abstract reserve(
    budgets: Budget[],
    nanos: number,
    owner: { tenantId: string; usageId: string; expiresAt: number; soleCall?: boolean },
    admission?: RateRule[],
  ): Promise<Reservation>;
  /** Replaces the reservation with the actual cost (0 = release). */
  abstract settle(reservation: Reservation, actualNanos: number): Promise<void>;
  /** Open reservations whose expiry is before `now`, oldest first. */
  abstract stale(now: number, limit: number): Promise<StaleReservation[]>;
  /**
   * Closes a stale reservation (one `stale` returned): the budgets lose what it held and gain what the usage
   * record says the call cost, less what other calls of the same record already settled.
   */
  abstract reconcile(reservation: StaleReservation, recordedNanos: number): Promise<void>;
  /** True for the first refusal of this budget (its key names the period) on any instance, false after. */
  abstract firstRefusal(budget: Budget): Promise<boolean>;
}
