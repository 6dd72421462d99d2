import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { TenantId } from '../../../shared/domain/tenant-id';
import { PlanRepository } from '../domain/plan.repository.port';
import { seatChangeProration, Subscription, SubscriptionRepository } from '../domain/subscription';
import { toAdjustments, lockChangeable } from './subscription-changes';
import { PublishSubscriptionUpdated } from './publish-subscription-updated.use-case';

@Injectable()
export class ChangeSeats {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlanRepository,
    private readonly updated: PublishSubscriptionUpdated,
    private readonly clock: Clock,
  ) {}

  /** In-advance seat charges are prorated by day for the rest of the period (credit when seats go down). */
  async execute(tenantId: TenantId, id: string, seats: number): Promise<Subscription> {
    const { sub, changed } = await this.change(tenantId, id, seats);
    if (changed) await this.updated.execute(sub);
    return sub;
  }

  @Transactional()
  private async change(
    tenantId: TenantId,
    id: string,
    seats: number,
  ): Promise<{ sub: Subscription; changed: boolean }> {
    const sub = await lockChangeable(this.subscriptions, tenantId, id);
    if (seats === sub.seats) return { sub, changed: false };
    const version = await this.plans.findVersion(tenantId, sub.planVersionId);
    const now = this.clock.now();
    if (sub.status !== 'trialing' && version) {
      const lines = seatChangeProration({
        charges: version.charges,
        oldSeats: sub.seats,
        newSeats: seats,
        now,
        period: { start: sub.currentPeriodStart, end: sub.currentPeriodEnd },
        timezone: sub.timezone,
      });
      await this.subscriptions.addAdjustments(toAdjustments(sub, lines, now));
    }
    const updated = { ...sub, seats };
    await this.subscriptions.update(updated);
    return { sub: updated, changed: true };
  }
}
