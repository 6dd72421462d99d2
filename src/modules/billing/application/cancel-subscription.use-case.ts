import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Subscription, SubscriptionRepository } from '../domain/subscription';
import { lockChangeable } from './subscription-changes';
import { PublishSubscriptionUpdated } from './publish-subscription-updated.use-case';

@Injectable()
export class CancelSubscription {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly updated: PublishSubscriptionUpdated,
    private readonly clock: Clock,
  ) {}

  /**
   * At period end: the subscription runs to the end of the period and does not renew. Now: the period
   * ends now (usage up to now is billed on the final invoice; in-advance fees are not refunded).
   */
  async execute(tenantId: TenantId, id: string, when: 'period_end' | 'now'): Promise<Subscription> {
    const { sub, changed } = await this.cancel(tenantId, id, when);
    if (changed) await this.updated.execute(sub);
    return sub;
  }

  @Transactional()
  private async cancel(
    tenantId: TenantId,
    id: string,
    when: 'period_end' | 'now',
  ): Promise<{ sub: Subscription; changed: boolean }> {
    const sub = await lockChangeable(this.subscriptions, tenantId, id);
    if (when === 'period_end' && sub.cancelAtPeriodEnd) return { sub, changed: false };
    const now = this.clock.now();
    const updated: Subscription =
      when === 'period_end'
        ? { ...sub, cancelAtPeriodEnd: true }
        : {
            ...sub,
            status: 'canceled',
            canceledAt: now,
            cancelAtPeriodEnd: false,
            currentPeriodEnd:
              now > sub.currentPeriodStart && now < sub.currentPeriodEnd ? now : sub.currentPeriodEnd,
          };
    await this.subscriptions.update(updated);
    return { sub: updated, changed: true };
  }
}
