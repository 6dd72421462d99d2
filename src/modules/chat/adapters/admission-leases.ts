import type { RateRule, Reservation } from '../domain/limits.port';

/**
 * Admission leases: quota an instance took from Redis ahead of need, so most requests are admitted and
 * reserved in memory instead of in a Redis round trip each (RedisSpendGuard).
 *
 * - A rate lease is `units` more of one rate counter's window, added to the counter in Redis when it was
 *   granted. Requests draw their cost from it until it runs short, ages (`stopAt`, never past the end of the
 *   window it was counted in) or the instance stops; what is left is then given back to that window's counter.
 * - A budget lease is a spend reservation of `nanos` against a set of budget counters, opened like any other
 *   (the sweeper finds it if this instance dies). Requests draw their worst case from it and give back what
 *   they did not spend when they end. When it stops lending, what it did not lend goes back to the counters at
 *   once; once its last request has ended, it is settled to the sum of what its requests cost. Usage records
 *   name the lease they drew from, so the sweeper can reconcile a lease left behind against them
 *   (UsageStore.recordedCost).
 *
 * Redis counts what is leased as used, so no limit or cap is ever exceeded. The price: while a lease is out,
 * other instances see less room than there is. Redis grants a lease only where the counter has room for
 * sixteen times it, so that only happens in the last sixteenth of a limit, for at most a lease's lifetime.
 */
export interface RateLease {
  /** RateRule.key. */
  key: string;
  /** The window (Redis's number for it) the lease was counted in. */
  window: number;
  remaining: number;
  stopAt: number;
}

export interface BudgetLease {
  reservation: Reservation;
  /** Where the reservation is held (RedisSpendGuard's member and counters). */
  held: { member: string; counters: string[] };
  remaining: number;
  /** What the requests that ended cost. */
  used: number;
  inflight: number;
  stopAt: number;
  /** Lends no more (what it did not lend is given back); settled once `inflight` is 0. */
  retired: boolean;
}

/** What a request drew: its rate units, and its worst case from a budget lease (when it has budgets). */
export interface Draw {
  lease?: BudgetLease;
  nanos: number;
}

/** Rate units to give back to one window of a counter. */
export interface RateReturn {
  key: string;
  window: number;
  units: number;
}

export class AdmissionLeases {
  private readonly rates = new Map<string, RateLease>();
  private readonly budgets = new Map<string, BudgetLease>();
  private returns: RateReturn[] = [];

  /**
   * @param redis.settle settles a budget lease that has stopped lending and has no request left in flight,
   * once; never rejects (it retries on its own).
   * @param redis.trim gives back, in Redis, what a budget lease that stopped lending with requests still in
   * flight did not lend (`remaining`), and sets `remaining` to 0.
   */
  constructor(
    private readonly redis: {
      settle: (lease: BudgetLease) => Promise<void>;
      trim: (lease: BudgetLease) => void;
    },
  ) {}

  /**
   * Admits and reserves a request from the leases it needs, or returns undefined (nothing drawn) when any of
   * them is missing, short or stopped: that request then goes to Redis (retire, then the exact path).
   */
  draw(rules: RateRule[], budgetSet: string, nanos: number, now: number): Draw | undefined {
    for (const rule of rules) {
      const lease = this.rates.get(rule.key);
      if (!lease || lease.stopAt <= now || lease.remaining < rule.cost) return undefined;
    }
    let lease: BudgetLease | undefined;
    if (budgetSet) {
      lease = this.budgets.get(budgetSet);
      if (!lease || lease.retired || lease.stopAt <= now || lease.remaining < nanos) return undefined;
      lease.remaining -= nanos;
      lease.inflight++;
    }
    for (const rule of rules) this.rates.get(rule.key)!.remaining -= rule.cost;
    return lease ? { lease, nanos } : { nanos: 0 };
  }

  /** Stops the leases a request could not draw from (so the exact path sees their room) before it asks. */
  retire(rules: RateRule[], budgetSet: string): void {
    for (const rule of rules) this.retireRate(rule.key);
    if (budgetSet) this.retireBudget(budgetSet);
  }

  /** A request drawn from `draw.lease` ended having cost `actual` nanos. Never rejects. */
  end(draw: Draw, actual: number): Promise<void> {
    const lease = draw.lease;
    if (!lease) return Promise.resolve();
    lease.inflight--;
    lease.used += actual;
    if (!lease.retired) lease.remaining += draw.nanos - actual;
    return lease.retired && lease.inflight === 0 ? this.redis.settle(lease) : Promise.resolve();
  }

  grantRate(lease: RateLease): void {
    this.retireRate(lease.key);
    this.rates.set(lease.key, lease);
  }

  grantBudget(budgetSet: string, lease: BudgetLease): void {
    this.retireBudget(budgetSet);
    this.budgets.set(budgetSet, lease);
  }

  /** Rate units to give back, taken: the caller sends them with its next Redis call. */
  takeReturns(): RateReturn[] {
    const out = this.returns;
    this.returns = [];
    return out;
  }

  /** Retires every lease that has stopped by `now` (all of them, when undefined). */
  sweep(now?: number): void {
    for (const lease of [...this.rates.values()]) {
      if (now === undefined || lease.stopAt <= now) this.retireRate(lease.key);
    }
    for (const [set, lease] of [...this.budgets]) {
      if (now === undefined || lease.stopAt <= now) this.retireBudget(set);
    }
  }

  /** Leases out or units waiting to go back. */
  get busy(): boolean {
    return this.rates.size > 0 || this.budgets.size > 0 || this.returns.length > 0;
  }

  private retireRate(key: string): void {
    const lease = this.rates.get(key);
    if (!lease) return;
    this.rates.delete(key);
    if (lease.remaining > 0) this.returns.push({ key, window: lease.window, units: lease.remaining });
  }

  private retireBudget(budgetSet: string): void {
    const lease = this.budgets.get(budgetSet);
    if (!lease) return;
    this.budgets.delete(budgetSet);
    lease.retired = true;
    if (lease.inflight === 0) void this.redis.settle(lease);
    else if (lease.remaining > 0) this.redis.trim(lease);
  }
}
