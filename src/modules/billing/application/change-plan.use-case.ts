import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { PlanRepository } from '../domain/plan.repository.port';
import { proratedAdvanceFees, Subscription, SubscriptionRepository } from '../domain/subscription';
import { toAdjustments, lockChangeable } from './subscription-changes';
import { PublishSubscriptionUpdated } from './publish-subscription-updated.use-case';

@Injectable()
export class ChangePlan {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlanRepository,
    private readonly updated: PublishSubscriptionUpdated,
    private readonly clock: Clock,
  ) {}

  /**
   * Moves the subscription to the plan's current version now: the unused days of the old in-advance
   * fees are credited and the new ones charged for the rest of the period (by day). Usage of the period
   * is rated on the plan in force at the end of the period. The period boundaries stay.
   */
  async execute(
    tenantId: TenantId,
    id: string,
    input: { planId: string; seats?: number },
  ): Promise<Subscription> {
    const { sub, changed } = await this.change(tenantId, id, input);
    if (changed) await this.updated.execute(sub);
    return sub;
  }

  @Transactional()
  private async change(
    tenantId: TenantId,
    id: string,
    input: { planId: string; seats?: number },
  ): Promise<{ sub: Subscription; changed: boolean }> {
    const sub = await lockChangeable(this.subscriptions, tenantId, id);
    // Sequential: this runs inside a transaction (one connection; concurrent queries on it are deprecated).
    const oldVersion = await this.plans.findVersion(tenantId, sub.planVersionId);
    const newVersion = await this.plans.currentVersion(tenantId, input.planId);
    if (!newVersion) throw new NotFoundError('Plan', input.planId);
    if (oldVersion && oldVersion.currency !== newVersion.currency)
      throw new InvalidError('currency_mismatch', 'The new plan must be in the same currency', [
        { field: 'planId', message: 'currency differs' },
      ]);
    if (oldVersion && oldVersion.interval !== newVersion.interval)
      throw new InvalidError('interval_mismatch', 'The new plan must have the same interval', [
        { field: 'planId', message: 'interval differs' },
      ]);
    if (newVersion.id === sub.planVersionId && (input.seats ?? sub.seats) === sub.seats)
      return { sub, changed: false };
    const now = this.clock.now();
    const seats = input.seats ?? sub.seats;
    if (sub.status !== 'trialing' && oldVersion) {
      const period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
      const lines = [
        ...proratedAdvanceFees({
          charges: oldVersion.charges,
          seats: sub.seats,
          now,
          period,
          timezone: sub.timezone,
          sign: -1,
          label: `Unused ${oldVersion.name}`,
        }),
        ...proratedAdvanceFees({
          charges: newVersion.charges,
          seats,
          now,
          period,
          timezone: sub.timezone,
          sign: 1,
          label: `Remaining ${newVersion.name}`,
        }),
      ];
      await this.subscriptions.addAdjustments(toAdjustments(sub, lines, now));
    }
    const updated: Subscription = { ...sub, planId: newVersion.planId, planVersionId: newVersion.id, seats };
    await this.subscriptions.update(updated);
    return { sub: updated, changed: true };
  }
}
