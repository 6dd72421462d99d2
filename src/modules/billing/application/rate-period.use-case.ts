import { Injectable } from '@nestjs/common';
import { BilledOutcome, RatedPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { dec, formatMoney } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Clock } from '../../../shared/domain/clock.port';
import { AgentRecordRepository } from '../domain/agent-records';
import { CouponRepository } from '../domain/coupon';
import { CreditRepository } from '../domain/credit.repository.port';
import { Customer, CustomerRepository } from '../domain/customer';
import { MetricRepository, UsageRepository } from '../domain/metering';
import { PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import { hasPerTransactionClamp, rateSubscriptionPeriod, RatingResult, UsageInput } from '../domain/rating';
import { isInTrialPeriod, renews, Subscription, SubscriptionRepository } from '../domain/subscription';

export interface RatedWithContext extends RatedPeriod {
  outcomeFees: RatingResult['outcomeFees'];
}

/**
 * Loads what one period needs (usage aggregates from the covering index, verified outcomes, recorded
 * costs, pending adjustments, coupons) and hands it to the pure rating function. Read-only.
 */
@Injectable()
export class RatePeriod {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlanRepository,
    private readonly customers: CustomerRepository,
    private readonly metrics: MetricRepository,
    private readonly usage: UsageRepository,
    private readonly records: AgentRecordRepository,
    private readonly coupons: CouponRepository,
    private readonly credits: CreditRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    subscriptionId: string,
    period: { start: Date; end: Date },
  ): Promise<RatedWithContext> {
    const sub = await this.subscriptions.find(tenantId, subscriptionId);
    if (!sub) throw new NotFoundError('Subscription', subscriptionId);
    // Sequential on purpose: inside the caller's transaction all queries share one connection, and
    // concurrent queries on one pg client are deprecated (and removed in pg 9).
    const version = await this.plans.findVersion(tenantId, sub.planVersionId);
    const customer = await this.customers.find(tenantId, sub.customerId);
    if (!version || !customer) throw new NotFoundError('Subscription', subscriptionId);
    return this.rate(sub, version, customer, period);
  }

  async rate(
    sub: Subscription,
    version: PlanVersion,
    customer: Customer,
    period: { start: Date; end: Date },
  ): Promise<RatedWithContext> {
    const tenantId = sub.tenantId;
    const trial = isInTrialPeriod(sub, period);
    const usage = trial ? {} : await this.usageFor(sub, version, period);
    const outcomeTypes = version.charges.flatMap((c) => (c.kind === 'outcome' ? [c.outcomeType] : []));
    const outcomes =
      outcomeTypes.length && !trial
        ? await this.records.billableOutcomes(
            tenantId,
            sub.customerId,
            outcomeTypes,
            version.currency,
            period.end,
          )
        : [];
    const adjustments = await this.subscriptions.openAdjustments(tenantId, sub.id, period.end);
    const redemptions = await this.coupons.activeRedemptions(tenantId, sub.customerId, version.currency);
    const balance = await this.credits.balance(tenantId, sub.customerId, this.clock.now());
    // A period that ends with the subscription (canceled) bills no next-period advance fees.
    const lastPeriod = !renews(sub) && period.end.getTime() >= sub.currentPeriodEnd.getTime();
    const result = rateSubscriptionPeriod({
      currency: version.currency,
      charges: version.charges,
      minimumCommitment: version.minimumCommitment,
      seats: sub.seats,
      billArrears: !trial,
      billAdvanceForNextPeriod: !lastPeriod,
      usage,
      outcomes: outcomes.map((o) => ({ id: o.id, type: o.type, value: o.value })),
      adjustments: adjustments.map((a) => ({
        kind: a.kind,
        description: a.description,
        quantity: a.quantity,
        unitAmount: a.unitAmount,
        amount: a.amount,
      })),
      coupons: redemptions.map((r) => ({
        redemptionId: r.id,
        name: r.coupon.name,
        kind: r.coupon.kind,
        percentOff: r.coupon.percentOff ?? undefined,
        amountOff: r.coupon.amountOff ?? undefined,
      })),
      taxRate: customer.taxRate,
    });
    const usedRedemptions = result.lines.flatMap((l) =>
      l.kind === 'discount' ? [String(l.metadata?.couponRedemptionId)] : [],
    );
    const billed: BilledOutcome[] = outcomes
      .filter((o) => result.outcomeFees[o.id] !== undefined)
      .map((o) => ({
        id: o.id,
        agentId: o.agentId,
        type: o.type,
        value: o.value,
        currency: o.currency,
        evidence: o.evidence,
        verifiedAt: o.verifiedAt as Date,
      }));
    const total = dec(result.totalBeforeCredits);
    const available = total.gt(0) ? (dec(balance).lt(total) ? dec(balance) : total) : dec(0);
    return {
      tenantId,
      subscriptionId: sub.id,
      customerId: sub.customerId,
      currency: version.currency,
      periodStart: period.start,
      periodEnd: period.end,
      lines: result.lines,
      subtotal: result.subtotal,
      discountTotal: result.discountTotal,
      taxRate: customer.taxRate,
      taxTotal: result.taxTotal,
      totalBeforeCredits: result.totalBeforeCredits,
      creditsAvailable: formatMoney(available.toDecimalPlaces(12), version.currency),
      outcomes: billed,
      couponRedemptionIds: usedRedemptions,
      customer: {
        id: customer.id,
        name: customer.name,
        email: customer.email,
        externalId: customer.externalId,
        stripeCustomerId: customer.stripeCustomerId,
      },
      outcomeFees: result.outcomeFees,
    };
  }

  private async usageFor(
    sub: Subscription,
    version: PlanVersion,
    period: { start: Date; end: Date },
  ): Promise<Record<string, UsageInput>> {
    const usageCharges = version.charges.filter((c) => c.kind === 'usage');
    if (!usageCharges.length) return {};
    const codes = [
      ...new Set(usageCharges.flatMap((c) => (c.kind === 'usage' && c.metricCode ? [c.metricCode] : []))),
    ];
    const metrics = new Map(
      (codes.length ? await this.metrics.findByCodes(sub.tenantId, codes) : []).map((m) => [m.code, m]),
    );
    const out: Record<string, UsageInput> = {};
    for (const c of usageCharges) {
      if (c.kind !== 'usage') continue;
      if (c.price.model === 'cost_plus') {
        const cost = await this.records.costTotal(
          sub.tenantId,
          sub.customerId,
          version.currency,
          period,
          c.price.costType,
        );
        out[c.id] = { quantity: cost, events: 0 };
        continue;
      }
      const metric = c.metricCode ? metrics.get(c.metricCode) : undefined;
      out[c.id] = metric
        ? await this.usage.aggregate(sub.tenantId, sub.customerId, metric, period)
        : { quantity: '0', events: 0 };
      if (metric && c.price.model === 'percentage' && hasPerTransactionClamp(c.price))
        out[c.id].perTransactionTotal = await this.usage.perTransactionTotal(
          sub.tenantId,
          sub.customerId,
          metric,
          period,
          c.price,
        );
    }
    return out;
  }
}
