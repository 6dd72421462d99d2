import { Injectable } from '@nestjs/common';
import { dec } from '../../../shared/domain/money';
import { SpendGuard } from '../domain/limits.port';
import { toNanos } from '../domain/pricing';
import { UsageStore } from '../domain/usage-record';

const BATCH = 200;

/**
 * Closes spend reservations that outlived their expiry (their settlement never landed: Redis was down for
 * longer than the reservation lives, or the process died mid-call). Each is reconciled against the usage
 * record of its call: the budgets drop the worst case held and count what was recorded instead. A call
 * with no usage record by then produced nothing billable, so its hold is simply released.
 */
@Injectable()
export class ReconcileStaleReservations {
  constructor(
    private readonly spend: SpendGuard,
    private readonly usage: UsageStore,
  ) {}

  /** Returns how many reservations were closed. */
  async execute(now: number): Promise<number> {
    let closed = 0;
    for (;;) {
      const stale = await this.spend.stale(now, BATCH);
      for (const r of stale) {
        const cost = await this.usage.recordedCost(r.tenantId, r.usageId);
        await this.spend.reconcile(r, cost === null ? 0 : toNanos(dec(cost)));
      }
      closed += stale.length;
      if (stale.length < BATCH) return closed;
    }
  }
}
