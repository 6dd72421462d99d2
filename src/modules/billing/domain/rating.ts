import { Dec, dec, minorUnits, roundMoney, sumMoney } from '../../../shared/domain/money';
import { Charge, PriceModel, Tier } from './plan';

/**
 * Rating: pure price functions. Every function returns an unrounded amount; a line is rounded once
 * (half-even, currency minor unit) when it becomes a line, and totals are sums of rounded lines.
 */

const ZERO = dec(0);
const max0 = (d: Dec) => (d.isNegative() ? ZERO : d);

/**
 * Graduated: each unit is priced by the tier it falls in; a tier's flat fee applies once it is entered.
 * The last tier takes every unit above the one before it (plans are refused with a bounded last tier; one
 * stored before that rule still bills every unit, as volume does).
 */
export function graduatedAmount(quantity: Dec, tiers: Tier[]): Dec {
  let total = ZERO;
  let lower = ZERO;
  for (const [i, tier] of tiers.entries()) {
    if (quantity.lte(lower)) break;
    const last = i === tiers.length - 1;
    const upper = tier.upTo === null || last ? quantity : minDec(quantity, dec(tier.upTo));
    total = total.plus(upper.minus(lower).times(tier.unitAmount)).plus(tier.flatAmount ?? 0);
    lower = upper;
  }
  return total;
}

/** Volume: every unit is priced at the tier the total quantity falls in (plus that tier's flat fee). */
export function volumeAmount(quantity: Dec, tiers: Tier[]): Dec {
  if (quantity.isZero()) return ZERO;
  const tier = tiers.find((t) => t.upTo === null || quantity.lte(t.upTo)) ?? tiers[tiers.length - 1];
  return quantity.times(tier.unitAmount).plus(tier.flatAmount ?? 0);
}

/** Package: every started block of packageSize units costs packageAmount. */
export function packageAmount(quantity: Dec, packageSize: string, price: string): Dec {
  if (quantity.lte(0)) return ZERO;
  return quantity.div(packageSize).ceil().times(price);
}

export const hasPerTransactionClamp = (p: { perTransactionMin?: string; perTransactionMax?: string }) =>
  p.perTransactionMin !== undefined || p.perTransactionMax !== undefined;

/** One event's percentage fee clamped to the per-transaction [min, max] (Lago's per-transaction option). */
export function perTransactionFee(
  value: Dec,
  p: { rate: string; perTransactionMin?: string; perTransactionMax?: string },
): Dec {
  let fee = value.times(p.rate).div(100);
  if (p.perTransactionMin !== undefined && fee.lt(p.perTransactionMin)) fee = dec(p.perTransactionMin);
  if (p.perTransactionMax !== undefined && fee.gt(p.perTransactionMax)) fee = dec(p.perTransactionMax);
  return fee;
}

/**
 * Percentage of a summed amount plus a fixed fee per event, then clamped to [min, max] for the period.
 * With a per-transaction min/max, the percentage part is the sum of each event's clamped fee
 * (`perTransactionTotal`, summed where the events are).
 */
export function percentageAmount(
  summed: Dec,
  events: number,
  p: {
    rate: string;
    fixedPerEvent?: string;
    min?: string;
    max?: string;
    perTransactionMin?: string;
    perTransactionMax?: string;
  },
  perTransactionTotal?: string,
): Dec {
  if (events === 0 && summed.isZero()) return ZERO;
  const percent =
    hasPerTransactionClamp(p) && perTransactionTotal !== undefined
      ? dec(perTransactionTotal)
      : summed.times(p.rate).div(100);
  let amount = percent.plus(dec(p.fixedPerEvent ?? 0).times(events));
  if (p.min !== undefined && amount.lt(p.min)) amount = dec(p.min);
  if (p.max !== undefined && amount.gt(p.max)) amount = dec(p.max);
  return amount;
}

export function priceAmount(
  price: PriceModel,
  quantity: Dec,
  events: number,
  perTransactionTotal?: string,
): Dec {
  switch (price.model) {
    case 'per_unit':
      return quantity.times(price.unitAmount);
    case 'graduated':
      return graduatedAmount(quantity, price.tiers);
    case 'volume':
      return volumeAmount(quantity, price.tiers);
    case 'package':
      return packageAmount(quantity, price.packageSize, price.packageAmount);
    case 'percentage':
      return percentageAmount(quantity, events, price, perTransactionTotal);
    case 'cost_plus':
      return quantity.times(price.multiplier);
  }
}

/** An outcome's fee: percentage of its value, clamped per outcome. */
export function outcomeFee(
  value: Dec,
  charge: { percentage: string; minPerOutcome?: string; maxPerOutcome?: string },
): Dec {
  let fee = value.times(charge.percentage).div(100);
  if (charge.minPerOutcome !== undefined && fee.lt(charge.minPerOutcome)) fee = dec(charge.minPerOutcome);
  if (charge.maxPerOutcome !== undefined && fee.gt(charge.maxPerOutcome)) fee = dec(charge.maxPerOutcome);
  return fee;
}

function minDec(a: Dec, b: Dec): Dec {
  return a.lt(b) ? a : b;
}

// ---------------------------------------------------------------------------------------------------

export type LineKind =
  'base' | 'seat' | 'usage' | 'outcome' | 'minimum_commitment' | 'proration' | 'discount';

export interface Line {
  kind: LineKind;
  description: string;
  quantity: string;
  unitAmount: string;
  amount: string;
  chargeId?: string;
  metricCode?: string;
  metadata?: Record<string, unknown>;
}

export interface UsageInput {
  /** Aggregated quantity of the charge's metric (or recorded cost for cost_plus). */
  quantity: string;
  /** Number of events behind it (percentage fixed fees). */
  events: number;
  /** Percentage charges with a per-transaction min/max: the sum of each event's clamped fee. */
  perTransactionTotal?: string;
}

export interface OutcomeInput {
  id: string;
  type: string;
  value: string;
}

export interface CouponInput {
  redemptionId: string;
  name: string;
  kind: 'percentage' | 'fixed';
  percentOff?: string;
  amountOff?: string;
}

/** Recorded when terms changed (in-advance fees of a first period, prorations): billed as they are. */
export interface AdjustmentInput {
  kind: 'proration' | 'base' | 'seat';
  description: string;
  quantity: string;
  unitAmount: string;
  amount: string;
}

export interface RatingInput {
  currency: string;
  charges: Charge[];
  minimumCommitment: string | null;
  seats: number;
  /** Arrears charges of this period are billed (false for a free trial period). */
  billArrears: boolean;
  /** In-advance charges of the next period are billed (the subscription renews). */
  billAdvanceForNextPeriod: boolean;
  usage: Record<string, UsageInput>;
  outcomes: OutcomeInput[];
  adjustments: AdjustmentInput[];
  coupons: CouponInput[];
  /** Percent, e.g. "20" = 20%. */
  taxRate: string;
}

export interface RatingResult {
  lines: Line[];
  subtotal: string;
  discountTotal: string;
  taxTotal: string;
  totalBeforeCredits: string;
  /** Fee of each billed outcome, by outcome id (value receipts). */
  outcomeFees: Record<string, string>;
}

/**
 * Rates one period of a subscription. Pure: the caller loads usage aggregates, outcomes, adjustments
 * and coupons; this returns the lines (each rounded once) and totals (sums of rounded lines).
 */
export function rateSubscriptionPeriod(input: RatingInput): RatingResult {
  const cur = input.currency;
  const money = (d: Dec) => roundMoney(d, cur);
  const lines: Line[] = [];
  const outcomeFees: Record<string, string> = {};

  const fixedLine = (charge: Extract<Charge, { kind: 'base' | 'seat' }>, nextPeriod: boolean) => {
    const quantity = charge.kind === 'base' ? dec(1) : max0(dec(input.seats).minus(charge.freeSeats ?? 0));
    const unit = dec(charge.kind === 'base' ? charge.amount : charge.unitAmount);
    lines.push({
      kind: charge.kind,
      description: nextPeriod ? `${charge.name} (next period, in advance)` : charge.name,
      quantity: quantity.toString(),
      unitAmount: unit.toString(),
      amount: money(quantity.times(unit)).toString(),
      chargeId: charge.id,
      ...(nextPeriod ? { metadata: { nextPeriod: true } } : {}),
    });
  };

  for (const charge of input.charges) {
    if (charge.kind === 'base' || charge.kind === 'seat') {
      if (charge.timing === 'arrears' && input.billArrears) fixedLine(charge, false);
      if (charge.timing === 'advance' && input.billAdvanceForNextPeriod) fixedLine(charge, true);
    } else if (charge.kind === 'usage') {
      if (!input.billArrears) continue;
      const usage = input.usage[charge.id] ?? { quantity: '0', events: 0 };
      const billable = max0(dec(usage.quantity).minus(charge.freeUnits ?? 0));
      const amount = money(priceAmount(charge.price, billable, usage.events, usage.perTransactionTotal));
      lines.push({
        kind: 'usage',
        description: charge.name,
        quantity: billable.toString(),
        unitAmount: billable.isZero() ? '0' : amount.div(billable).toDecimalPlaces(12).toString(),
        amount: amount.toString(),
        chargeId: charge.id,
        metricCode: charge.metricCode,
        metadata: { priceModel: charge.price.model, rawQuantity: dec(usage.quantity).toString() },
      });
    } else {
      if (!input.billArrears) continue;
      const matching = input.outcomes.filter((o) => o.type === charge.outcomeType);
      let total = ZERO;
      let value = ZERO;
      for (const o of matching) {
        const fee = outcomeFee(dec(o.value), charge);
        outcomeFees[o.id] = fee.toString();
        total = total.plus(fee);
        value = value.plus(o.value);
      }
      lines.push({
        kind: 'outcome',
        description: `${charge.name} (${charge.percentage}% of ${matching.length} verified ${charge.outcomeType})`,
        quantity: String(matching.length),
        unitAmount: matching.length ? total.div(matching.length).toDecimalPlaces(12).toString() : '0',
        amount: money(total).toString(),
        chargeId: charge.id,
        metadata: { outcomeValue: value.toString(), outcomeIds: matching.map((o) => o.id) },
      });
    }
  }

  for (const adj of input.adjustments) {
    lines.push({
      kind: adj.kind,
      description: adj.description,
      quantity: adj.quantity,
      unitAmount: adj.unitAmount,
      amount: money(dec(adj.amount)).toString(),
    });
  }

  // The commitment tops up what this period's charges came to (advance fees of the next period excluded).
  if (input.minimumCommitment && input.billArrears) {
    const committed = sumMoney(lines.filter((l) => !l.metadata?.nextPeriod).map((l) => l.amount));
    const shortfall = dec(input.minimumCommitment).minus(committed);
    if (shortfall.gt(0)) {
      lines.push({
        kind: 'minimum_commitment',
        description: `Minimum commitment of ${input.minimumCommitment} ${cur}`,
        quantity: '1',
        unitAmount: shortfall.toString(),
        amount: money(shortfall).toString(),
      });
    }
  }

  const subtotal = sumMoney(lines.map((l) => l.amount));
  let remaining = max0(subtotal);
  for (const c of input.coupons) {
    if (remaining.isZero()) break;
    const raw = c.kind === 'percentage' ? remaining.times(c.percentOff ?? 0).div(100) : dec(c.amountOff ?? 0);
    const discount = money(minDec(raw, remaining));
    if (discount.isZero()) continue;
    remaining = remaining.minus(discount);
    lines.push({
      kind: 'discount',
      description: `Coupon ${c.name}`,
      quantity: '1',
      unitAmount: discount.negated().toString(),
      amount: discount.negated().toString(),
      metadata: { couponRedemptionId: c.redemptionId },
    });
  }
  const discountTotal = sumMoney(lines.filter((l) => l.kind === 'discount').map((l) => l.amount));
  const taxable = subtotal.plus(discountTotal);
  const taxTotal = money(max0(taxable).times(input.taxRate).div(100));
  const fmt = (d: Dec) => money(d).toFixed(minorUnits(cur));
  return {
    lines: lines.map((l) => ({ ...l, amount: dec(l.amount).toFixed(minorUnits(cur)) })),
    subtotal: fmt(subtotal),
    discountTotal: fmt(discountTotal),
    taxTotal: fmt(taxTotal),
    totalBeforeCredits: fmt(taxable.plus(taxTotal)),
    outcomeFees,
  };
}
