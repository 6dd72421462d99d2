import { Charge, PriceModel } from '../../src/modules/billing/domain/plan';
import { RatingInput, RatingResult, rateSubscriptionPeriod } from '../../src/modules/billing/domain/rating';

/**
 * Scenarios rate one period through the same pure function invoices use (rateSubscriptionPeriod): the
 * inputs are a plan's charges and the period's usage; the outputs the invoice lines and totals.
 */
export function ratePeriod(input: Partial<RatingInput> & { charges: Charge[] }): RatingResult {
  return rateSubscriptionPeriod({
    currency: 'USD',
    minimumCommitment: null,
    seats: 1,
    billArrears: true,
    billAdvanceForNextPeriod: false,
    usage: {},
    outcomes: [],
    adjustments: [],
    coupons: [],
    taxRate: '0',
    ...input,
  });
}

/** One usage charge with this price, rated for `quantity` units over `events` events. */
export function usageAmount(
  price: PriceModel,
  quantity: string,
  opts: { events?: number; freeUnits?: string; currency?: string } = {},
): string {
  const charge: Charge = {
    id: 'usage',
    kind: 'usage',
    name: 'Usage',
    metricCode: 'units',
    price,
    ...(opts.freeUnits ? { freeUnits: opts.freeUnits } : {}),
  };
  const rated = ratePeriod({
    currency: opts.currency ?? 'USD',
    charges: [charge],
    usage: { usage: { quantity, events: opts.events ?? 1 } },
  });
  return rated.lines[0].amount;
}
