import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { dec, formatMoney, roundMoney } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { AgentRecordRepository } from '../domain/agent-records';
import { CouponRepository } from '../domain/coupon';
import { PlanRepository } from '../domain/plan.repository.port';
import { outcomeFee } from '../domain/rating';
import { nextPeriod, renews, Subscription, SubscriptionRepository } from '../domain/subscription';
import { DebitCredits } from './debit-credits.use-case';
import { PublishSubscriptionUpdated } from './publish-subscription-updated.use-case';

/**
 * Runs inside Invoicing's transaction when an invoice for a period is written: applies credits, uses
 * up coupon periods, marks adjustments and outcomes as invoiced and moves the subscription on.
 * Idempotent per (subscription, periodStart): a repeat returns the credits applied the first time.
 */
@Injectable()
export class CommitInvoicedPeriod {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlanRepository,
    private readonly records: AgentRecordRepository,
    private readonly coupons: CouponRepository,
    private readonly debitCredits: DebitCredits,
    private readonly subscriptionUpdated: PublishSubscriptionUpdated,
  ) {}

  @Transactional()
  async execute(input: {
    tenantId: TenantId;
    subscriptionId: string;
    periodStart: Date;
    periodEnd: Date;
    invoiceId: string;
    creditsToApply: string;
    couponRedemptionIds: string[];
  }): Promise<{ creditsApplied: string; currentPeriod: { start: Date; end: Date } | null }> {
    const { tenantId } = input;
    const sub = await this.subscriptions.findForUpdate(tenantId, input.subscriptionId);
    if (!sub) throw new NotFoundError('Subscription', input.subscriptionId);
    const version = await this.plans.findVersion(tenantId, sub.planVersionId);
    if (!version) throw new NotFoundError('Plan version', sub.planVersionId);
    const recorded = await this.subscriptions.recordInvoicedPeriod(input);
    if (!recorded.created)
      return {
        creditsApplied: formatMoney(recorded.creditsApplied, version.currency),
        currentPeriod: currentPeriodOf(sub),
      };

    const applied = await this.debitCredits.execute(
      tenantId,
      sub.customerId,
      roundMoney(input.creditsToApply, version.currency).toString(),
      `invoice:${input.invoiceId}`,
      `Applied to invoice ${input.invoiceId}`,
    );
    // The row was written with 0 applied: only a real debit needs writing back.
    if (dec(applied).gt(0))
      await this.subscriptions.setInvoicedPeriodCredits(tenantId, sub.id, input.periodStart, applied);
    await this.coupons.consumePeriod(tenantId, input.couponRedemptionIds);
    await this.subscriptions.markAdjustmentsInvoiced(tenantId, sub.id, input.periodEnd, input.invoiceId);

    const outcomeCharges = version.charges.filter((c) => c.kind === 'outcome');
    if (outcomeCharges.length) {
      const types = outcomeCharges.map((c) => (c.kind === 'outcome' ? c.outcomeType : ''));
      const outcomes = await this.records.billableOutcomes(
        tenantId,
        sub.customerId,
        types,
        version.currency,
        input.periodEnd,
      );
      const fees = outcomes.flatMap((o) => {
        const charge = outcomeCharges.find((c) => c.kind === 'outcome' && c.outcomeType === o.type);
        return charge && charge.kind === 'outcome'
          ? [{ id: o.id, amount: outcomeFee(dec(o.value), charge).toString() }]
          : [];
      });
      await this.records.markOutcomesBilled(tenantId, input.invoiceId, fees);
    }

    let after = sub;
    // Only the current period moves the subscription on (an older period committed late changes nothing).
    if (sub.currentPeriodStart.getTime() === input.periodStart.getTime()) {
      let moved: Subscription;
      if (!renews(sub)) {
        moved = {
          ...sub,
          status: 'canceled',
          canceledAt: sub.canceledAt ?? sub.currentPeriodEnd,
          closed: true,
        };
      } else {
        const next = nextPeriod(sub, version.interval);
        moved = {
          ...sub,
          status: sub.status === 'trialing' ? 'active' : sub.status,
          periodIndex: next.index,
          currentPeriodStart: next.start,
          currentPeriodEnd: next.end,
        };
      }
      await this.subscriptions.update(moved);
      after = moved;
      // Renewals are not announced; a status change (trial ended, ended at period end) is.
      if (moved.status !== sub.status) await this.subscriptionUpdated.execute(moved);
    }
    return { creditsApplied: formatMoney(applied, version.currency), currentPeriod: currentPeriodOf(after) };
  }
}

const currentPeriodOf = (s: Subscription) =>
  s.closed ? null : { start: s.currentPeriodStart, end: s.currentPeriodEnd };
