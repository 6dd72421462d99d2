import { TenantId } from '../../../shared/domain/tenant-id';
import { Dec, dec } from '../../../shared/domain/money';
import { Charge, Interval } from './plan';
import { periodAt } from './periods';
import {
  addDays,
  formatLocalDate,
  LocalDate,
  localDateOf,
  localDaysBetween,
  localMidnight,
  parseLocalDate,
  Period,
} from '../../../shared/domain/local-date';
import { Page } from '../../../shared/http/cursor';

export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled';

export interface Subscription {
  id: string;
  tenantId: TenantId;
  customerId: string;
  planId: string;
  planVersionId: string;
  status: SubscriptionStatus;
  seats: number;
  timezone: string;
  startedAt: Date;
  trialEnd: Date | null;
  /** Local date (YYYY-MM-DD) paid periods are counted from. */
  anchorDate: string;
  /** Index of the current paid period from the anchor; -1 while in the trial period. */
  periodIndex: number;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  closed: boolean;
  createdAt: Date;
}

/**
 * First period of a new subscription: the trial (if any) or paid period 0, from local midnight of the start
 * date (a calendar date in the customer's timezone).
 */
export function startSubscription(input: {
  startDate: LocalDate;
  timezone: string;
  interval: Interval;
  trialDays: number;
}): Pick<
  Subscription,
  | 'status'
  | 'startedAt'
  | 'trialEnd'
  | 'anchorDate'
  | 'periodIndex'
  | 'currentPeriodStart'
  | 'currentPeriodEnd'
> {
  const startDate = input.startDate;
  const startAt = localMidnight(startDate, input.timezone);
  if (input.trialDays > 0) {
    const anchor = addDays(startDate, input.trialDays);
    const trialEnd = localMidnight(anchor, input.timezone);
    return {
      status: 'trialing',
      startedAt: startAt,
      trialEnd,
      anchorDate: formatLocalDate(anchor),
      periodIndex: -1,
      currentPeriodStart: startAt,
      currentPeriodEnd: trialEnd,
    };
  }
  const p = periodAt(startDate, input.interval, 0, input.timezone);
  return {
    status: 'active',
    startedAt: startAt,
    trialEnd: null,
    anchorDate: formatLocalDate(startDate),
    periodIndex: 0,
    currentPeriodStart: p.start,
    currentPeriodEnd: p.end,
  };
}

/** The period after the current one (the trial is followed by paid period 0). */
export function nextPeriod(sub: Subscription, interval: Interval): Period & { index: number } {
  const index = sub.periodIndex + 1;
  return { index, ...periodAt(parseLocalDate(sub.anchorDate), interval, index, sub.timezone) };
}

export const isInTrialPeriod = (sub: Subscription, period: { end: Date }) =>
  sub.trialEnd !== null && period.end.getTime() <= sub.trialEnd.getTime();

/** A subscription renews after this period unless it is canceled (now or at period end). */
export const renews = (sub: Subscription) => sub.status !== 'canceled' && !sub.cancelAtPeriodEnd;

export interface ProrationLine {
  kind: 'proration' | 'base' | 'seat';
  description: string;
  quantity: string;
  unitAmount: string;
  amount: Dec;
}

/** Share of the period left at `now`, in whole local days (the change day counts as used by the new terms). */
export function remainingFraction(
  now: Date,
  period: Period,
  timezone: string,
): { remaining: number; total: number } {
  const total = localDaysBetween(period.start, period.end, timezone);
  const from = now < period.start ? period.start : now;
  const fromMidnight = localMidnight(localDateOf(from, timezone), timezone);
  return { remaining: Math.max(0, localDaysBetween(fromMidnight, period.end, timezone)), total };
}

const billableSeats = (seats: number, freeSeats?: string) => Math.max(0, seats - Number(freeSeats ?? 0));

/**
 * In-advance base and seat fees for the rest of the current period, prorated by day.
 * `sign` -1 credits the unused part of the old terms (plan change).
 */
export function proratedAdvanceFees(input: {
  charges: Charge[];
  seats: number;
  now: Date;
  period: Period;
  timezone: string;
  sign: 1 | -1;
  label: string;
}): ProrationLine[] {
  const { remaining, total } = remainingFraction(input.now, input.period, input.timezone);
  if (total <= 0 || remaining <= 0) return [];
  const out: ProrationLine[] = [];
  for (const c of input.charges) {
    if ((c.kind !== 'base' && c.kind !== 'seat') || c.timing !== 'advance') continue;
    const qty = c.kind === 'base' ? 1 : billableSeats(input.seats, c.freeSeats);
    if (qty === 0) continue;
    const unit = dec(c.kind === 'base' ? c.amount : c.unitAmount)
      .times(remaining)
      .div(total)
      .times(input.sign);
    out.push({
      kind: 'proration',
      description: `${input.label}: ${c.name} × ${qty} for ${remaining}/${total} days`,
      quantity: String(qty),
      unitAmount: unit.toDecimalPlaces(12).toString(),
      amount: unit.times(qty),
    });
  }
  return out;
}

/** Seat-count change: the seat difference of in-advance seat charges, prorated by day (negative = credit). */
export function seatChangeProration(input: {
  charges: Charge[];
  oldSeats: number;
  newSeats: number;
  now: Date;
  period: Period;
  timezone: string;
}): ProrationLine[] {
  const { remaining, total } = remainingFraction(input.now, input.period, input.timezone);
  if (total <= 0 || remaining <= 0) return [];
  const out: ProrationLine[] = [];
  for (const c of input.charges) {
    if (c.kind !== 'seat' || c.timing !== 'advance') continue;
    const delta = billableSeats(input.newSeats, c.freeSeats) - billableSeats(input.oldSeats, c.freeSeats);
    if (delta === 0) continue;
    const unit = dec(c.unitAmount).times(remaining).div(total);
    out.push({
      kind: 'proration',
      description: `Seats ${input.oldSeats} → ${input.newSeats}: ${c.name} × ${delta} for ${remaining}/${total} days`,
      quantity: String(delta),
      unitAmount: unit.toDecimalPlaces(12).toString(),
      amount: unit.times(delta),
    });
  }
  return out;
}

export interface Adjustment {
  id: string;
  tenantId: TenantId;
  subscriptionId: string;
  kind: 'proration' | 'base' | 'seat';
  description: string;
  quantity: string;
  unitAmount: string;
  amount: string;
  effectiveAt: Date;
}

export abstract class SubscriptionRepository {
  abstract insert(sub: Subscription): Promise<void>;
  abstract find(tenantId: TenantId, id: string): Promise<Subscription | null>;
  /** Same, locking the row for the caller's transaction (changes that prorate). */
  abstract findForUpdate(tenantId: TenantId, id: string): Promise<Subscription | null>;
  /** Oldest first. */
  abstract list(
    tenantId: TenantId,
    opts: { customerId?: string; limit: number; cursor?: string },
  ): Promise<Page<Subscription>>;
  abstract update(sub: Subscription): Promise<void>;
  abstract addAdjustments(adjustments: Adjustment[]): Promise<void>;
  /** Adjustments not invoiced yet, effective before `before`. */
  abstract openAdjustments(tenantId: TenantId, subscriptionId: string, before: Date): Promise<Adjustment[]>;
  abstract markAdjustmentsInvoiced(
    tenantId: TenantId,
    subscriptionId: string,
    before: Date,
    invoiceId: string,
  ): Promise<void>;
  abstract due(
    asOf: Date,
    limit: number,
    after?: string,
    tenantId?: TenantId,
  ): Promise<
    Pick<Subscription, 'tenantId' | 'id' | 'customerId' | 'currentPeriodStart' | 'currentPeriodEnd'>[]
  >;
  /** Records the invoiced period; null if it was recorded before (then returns the stored credits). */
  abstract recordInvoicedPeriod(input: {
    tenantId: TenantId;
    subscriptionId: string;
    periodStart: Date;
    periodEnd: Date;
    invoiceId: string;
  }): Promise<{ created: boolean; creditsApplied: string }>;
  abstract setInvoicedPeriodCredits(
    tenantId: TenantId,
    subscriptionId: string,
    periodStart: Date,
    credits: string,
  ): Promise<void>;
  /** Live subscriptions of a customer (for open periods and spend caps). */
  abstract liveForCustomer(tenantId: TenantId, customerId: string): Promise<Subscription[]>;
}
