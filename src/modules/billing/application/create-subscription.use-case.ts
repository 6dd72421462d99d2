import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Clock } from '../../../shared/domain/clock.port';
import { InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CustomerRepository } from '../domain/customer';
import { PlanRepository, PlanVersion } from '../domain/plan.repository.port';
import {
  ProrationLine,
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
} from '../../../shared/domain/local-date';
import { BudgetCache } from './budget-cache.port';
import { toAdjustments } from './subscription-changes';
import { PublishSubscriptionUpdated } from './publish-subscription-updated.use-case';

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
