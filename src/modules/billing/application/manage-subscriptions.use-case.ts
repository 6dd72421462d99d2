import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { WebhookEvents } from '../../../shared/contracts/webhook-events';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CustomerRepository } from '../domain/customer';
import { PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import {
  Adjustment,
  ProrationLine,
  proratedAdvanceFees,
  seatChangeProration,
  startSubscription,
  Subscription,
  SubscriptionRepository,
} from '../domain/subscription';
import {
  addDays,
  compareLocalDates,
  formatLocalDate,
  LocalDate,
  localDateOf,
  parseDateOnly,
} from '../domain/periods';
import { BudgetCache } from './budget-cache.port';

const toAdjustments = (sub: Subscription, lines: ProrationLine[], at: Date): Adjustment[] =>
  lines.map((l) => ({
    id: newId(),
    tenantId: sub.tenantId,
    subscriptionId: sub.id,
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    unitAmount: l.unitAmount,
    amount: l.amount.toString(),
    effectiveAt: at,
  }));

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

/** Locks the subscription row for the running transaction; 404 when missing, 409 once it is canceled. */
async function lockChangeable(
  subscriptions: SubscriptionRepository,
  tenantId: TenantId,
  id: string,
): Promise<Subscription> {
  const sub = await subscriptions.findForUpdate(tenantId, id);
  if (!sub) throw new NotFoundError('Subscription', id);
  if (sub.status === 'canceled' || sub.closed)
    throw new ConflictError('subscription_canceled', 'The subscription is canceled');
  return sub;
}

type CreateSubscriptionInput = {
  customerId: string;
  planId: string;
  seats?: number;
  /** YYYY-MM-DD: that calendar date in the customer's timezone; a date-time: its local date there. */
  startDate?: string;
  trialDays?: number;
};

/** How far from today a start date may be: further back would bill periods nobody can still send usage for. */
const START_DATE_RANGE_DAYS = 366;

/** The local start date of a new subscription, checked to be a real date within a year of today. */
function resolveStartDate(value: string | undefined, now: Date, timezone: string): LocalDate {
  const today = localDateOf(now, timezone);
  if (value === undefined) return today;
  const instant = /T/.test(value) ? new Date(value) : null;
  const date =
    instant && !Number.isNaN(instant.getTime()) ? localDateOf(instant, timezone) : parseDateOnly(value);
  const bad = (message: string) =>
    new InvalidError('invalid_start_date', message, [{ field: 'startDate', message }]);
  if (!date) throw bad('startDate must be a real calendar date (YYYY-MM-DD) or an ISO 8601 date-time');
  const earliest = addDays(today, -START_DATE_RANGE_DAYS);
  const latest = addDays(today, START_DATE_RANGE_DAYS);
  if (compareLocalDates(date, earliest) < 0 || compareLocalDates(date, latest) > 0)
    throw bad(
      `startDate must be between ${formatLocalDate(earliest)} and ${formatLocalDate(latest)} (a year either side of today)`,
    );
  return date;
}

@Injectable()
export class CreateSubscription {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly customers: CustomerRepository,
    private readonly plans: PlanRepository,
    private readonly budgets: BudgetCache,
    private readonly updated: PublishSubscriptionUpdated,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts at local midnight of the start date in the customer's timezone. In-advance fees of the first
   * paid period are recorded now (as adjustments) and billed on its invoice; a trial bills nothing.
   */
  async execute(tenantId: TenantId, input: CreateSubscriptionInput): Promise<Subscription> {
    const sub = await this.create(tenantId, input);
    await this.updated.execute(sub);
    return sub;
  }

  @Transactional()
  private async create(tenantId: TenantId, input: CreateSubscriptionInput): Promise<Subscription> {
    const customer = await this.customers.find(tenantId, input.customerId);
    if (!customer) throw new NotFoundError('Customer', input.customerId);
    const version = await this.plans.currentVersion(tenantId, input.planId);
    if (!version) throw new NotFoundError('Plan', input.planId);
    if (version.currency !== customer.currency)
      throw new InvalidError(
        'currency_mismatch',
        `Plan is in ${version.currency}, the customer pays in ${customer.currency}`,
        [{ field: 'planId', message: 'plan currency must match the customer currency' }],
      );
    const now = this.clock.now();
    const start = startSubscription({
      startDate: resolveStartDate(input.startDate, now, customer.timezone),
      timezone: customer.timezone,
      interval: version.interval,
      trialDays: input.trialDays ?? version.trialDays,
    });
    const sub: Subscription = {
      id: newId(),
      tenantId,
      customerId: customer.id,
      planId: version.planId,
      planVersionId: version.id,
      seats: input.seats ?? 1,
      timezone: customer.timezone,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      closed: false,
      createdAt: now,
      ...start,
    };
    await this.subscriptions.insert(sub);
    if (sub.status === 'active')
      await this.subscriptions.addAdjustments(
        toAdjustments(sub, advanceLines(version, sub), sub.currentPeriodStart),
      );
    await this.budgets.invalidate(tenantId, customer);
    return sub;
  }
}

/** Full in-advance base/seat fees of the first period, one line per charge. */
function advanceLines(version: PlanVersion, sub: Subscription): ProrationLine[] {
  return version.charges.flatMap((c): ProrationLine[] => {
    if ((c.kind !== 'base' && c.kind !== 'seat') || c.timing !== 'advance') return [];
    if (c.kind === 'base')
      return [
        {
          kind: 'base',
          description: `${c.name} (in advance)`,
          quantity: '1',
          unitAmount: c.amount,
          amount: dec(c.amount),
        },
      ];
    const seats = Math.max(0, sub.seats - Number(c.freeSeats ?? 0));
    return [
      {
        kind: 'seat',
        description: `${c.name} (in advance)`,
        quantity: String(seats),
        unitAmount: c.unitAmount,
        amount: dec(c.unitAmount).times(seats),
      },
    ];
  });
}

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
