import { Injectable } from '@nestjs/common';
import {
  BillingForInvoicing,
  DueSubscriptionPeriod,
  InvoiceCustomer,
  RatedPeriod,
  RecordedOutcome,
} from '../../../shared/contracts/billing-for-invoicing';
import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Clock } from '../../../shared/domain/clock.port';
import { AgentRecordRepository } from '../domain/agent-records';
import { CustomerRepository } from '../domain/customer';
import { SubscriptionRepository } from '../domain/subscription';
import { CommitInvoicedPeriod } from './commit-invoiced-period.use-case';
import { GrantCredits } from './grant-credits.use-case';
import { PublishSubscriptionUpdated } from './publish-subscription-updated.use-case';
import { RatePeriod } from './rate-period.use-case';

/** Billing as Invoicing sees it (src/shared/contracts/billing-for-invoicing.ts). */
@Injectable()
export class BillingForInvoicingService extends BillingForInvoicing {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly customers: CustomerRepository,
    private readonly records: AgentRecordRepository,
    private readonly ratePeriodUseCase: RatePeriod,
    private readonly commit: CommitInvoicedPeriod,
    private readonly grant: GrantCredits,
    private readonly subscriptionUpdated: PublishSubscriptionUpdated,
    private readonly clock: Clock,
  ) {
    super();
  }

  async dueSubscriptionPeriods(
    asOf: Date,
    limit: number,
    afterSubscriptionId?: string,
  ): Promise<DueSubscriptionPeriod[]> {
    return (await this.subscriptions.due(asOf, limit, afterSubscriptionId)).map(toDue);
  }

  async dueSubscriptionPeriodsOfTenant(
    tenantId: TenantId,
    asOf: Date,
    limit: number,
    afterSubscriptionId?: string,
  ): Promise<DueSubscriptionPeriod[]> {
    return (await this.subscriptions.due(asOf, limit, afterSubscriptionId, tenantId)).map(toDue);
  }

  async duePeriodOf(
    tenantId: TenantId,
    subscriptionId: string,
    asOf: Date,
  ): Promise<DueSubscriptionPeriod | null> {
    const sub = await this.subscriptions.find(tenantId, subscriptionId);
    if (!sub || sub.closed || sub.currentPeriodEnd > asOf) return null;
    return {
      tenantId,
      subscriptionId: sub.id,
      customerId: sub.customerId,
      periodStart: sub.currentPeriodStart,
      periodEnd: sub.currentPeriodEnd,
    };
  }

  async ratePeriod(
    tenantId: TenantId,
    subscriptionId: string,
    period: { start: Date; end: Date },
  ): Promise<RatedPeriod> {
    const { outcomeFees: _fees, ...rated } = await this.ratePeriodUseCase.execute(
      tenantId,
      subscriptionId,
      period,
    );
    return rated;
  }

  /** The open period as it stands at `asOf` (usage after asOf does not exist yet, so the whole period is rated). */
  async previewCurrentPeriod(tenantId: TenantId, subscriptionId: string, _asOf: Date): Promise<RatedPeriod> {
    const sub = await this.subscriptions.find(tenantId, subscriptionId);
    if (!sub) throw new NotFoundError('Subscription', subscriptionId);
    return this.ratePeriod(tenantId, subscriptionId, {
      start: sub.currentPeriodStart,
      end: sub.currentPeriodEnd,
    });
  }

  commitInvoicedPeriod(
    input: Parameters<BillingForInvoicing['commitInvoicedPeriod']>[0],
  ): ReturnType<BillingForInvoicing['commitInvoicedPeriod']> {
    return this.commit.execute(input);
  }

  async findOutcome(tenantId: TenantId, outcomeId: string): Promise<RecordedOutcome | null> {
    const o = await this.records.findOutcome(tenantId, outcomeId);
    if (!o) return null;
    return {
      id: o.id,
      tenantId: o.tenantId,
      agentId: o.agentId,
      customerId: o.customerId,
      type: o.type,
      value: o.value,
      currency: o.currency,
      evidence: o.evidence,
      status: o.status,
      createdAt: o.createdAt,
    };
  }

  async markOutcome(
    tenantId: TenantId,
    outcomeId: string,
    result: { status: 'verified' | 'rejected'; reason?: string },
  ): Promise<void> {
    await this.records.markOutcome(
      tenantId,
      outcomeId,
      result.status,
      result.reason ?? null,
      this.clock.now(),
    );
  }

  async setSubscriptionStatus(
    tenantId: TenantId,
    subscriptionId: string,
    status: 'active' | 'past_due' | 'canceled',
  ): Promise<void> {
    const sub = await this.subscriptions.findForUpdate(tenantId, subscriptionId);
    if (!sub) throw new NotFoundError('Subscription', subscriptionId);
    // A paid invoice or a saved payment method does not end a trial early.
    if (sub.status === status || (sub.status === 'trialing' && status === 'active')) return;
    if (sub.status === 'canceled')
      throw new ConflictError('subscription_canceled', 'A canceled subscription stays canceled');
    const updated = {
      ...sub,
      status,
      ...(status === 'canceled' ? { canceledAt: this.clock.now() } : {}),
    };
    await this.subscriptions.update(updated);
    // Inside the caller's transaction (a rollback drops the event too); only real changes are announced.
    await this.subscriptionUpdated.execute(updated);
  }

  async findCustomer(tenantId: TenantId, customerId: string): Promise<InvoiceCustomer | null> {
    const c = await this.customers.find(tenantId, customerId);
    return c
      ? {
          id: c.id,
          name: c.name,
          email: c.email,
          externalId: c.externalId,
          stripeCustomerId: c.stripeCustomerId,
        }
      : null;
  }

  async grantCredits(input: {
    tenantId: TenantId;
    customerId: string;
    amount: string;
    reference: string;
    description: string;
  }): Promise<void> {
    await this.grant.execute(input.tenantId, input.customerId, {
      amount: input.amount,
      paid: true,
      reference: input.reference,
      description: input.description,
    });
  }
}

const toDue = (s: {
  tenantId: TenantId;
  id: string;
  customerId: string;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
}): DueSubscriptionPeriod => ({
  tenantId: s.tenantId,
  subscriptionId: s.id,
  customerId: s.customerId,
  periodStart: s.currentPeriodStart,
  periodEnd: s.currentPeriodEnd,
});
