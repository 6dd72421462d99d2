import { Injectable } from '@nestjs/common';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { PlanRepository } from '../domain/plan.repository.port';
import { Subscription } from '../domain/subscription';

/**
 * Emits `subscription.updated` with the subscription as it now stands (docs/modules/billing.md lists the payload). Every
 * change made through Billing calls it once: create, seats, plan, cancel, and status changes from
 * invoices, payments and Stripe (BillingForInvoicing.setSubscriptionStatus, CommitInvoicedPeriod).
 */
@Injectable()
export class PublishSubscriptionUpdated {
  constructor(
    private readonly plans: PlanRepository,
    private readonly events: WebhookEvents,
  ) {}

  async execute(sub: Subscription): Promise<void> {
    const version = await this.plans.findVersion(sub.tenantId, sub.planVersionId);
    const plan = await this.plans.find(sub.tenantId, sub.planId);
    await this.events.publish(sub.tenantId, 'subscription.updated', {
      subscriptionId: sub.id,
      customerId: sub.customerId,
      status: sub.status,
      planId: sub.planId,
      planCode: plan?.code ?? null,
      planVersion: version?.version ?? null,
      seats: sub.seats,
      currentPeriodStart: sub.currentPeriodStart.toISOString(),
      currentPeriodEnd: sub.currentPeriodEnd.toISOString(),
      trialEnd: sub.trialEnd?.toISOString() ?? null,
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      canceledAt: sub.canceledAt?.toISOString() ?? null,
    });
  }
}
