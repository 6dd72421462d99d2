/** Plans and their charges: the priced part of billing. Plain data, validated in validatePlanDefinition. */

export type Interval = 'month' | 'quarter' | 'year';
export const INTERVALS: readonly Interval[] = ['month', 'quarter', 'year'];
export const INTERVAL_MONTHS: Record<Interval, number> = { month: 1, quarter: 3, year: 12 };

export interface Tier {
  /** Inclusive upper bound of the tier in units; null = no bound (last tier only). */
  upTo: string | null;
  unitAmount: string;
  /** Flat fee for reaching the tier (optional). */
  flatAmount?: string;
}

export type PriceModel =
  | { model: 'per_unit'; unitAmount: string }
  | { model: 'graduated'; tiers: Tier[] }
  | { model: 'volume'; tiers: Tier[] }
  | { model: 'package'; packageSize: string; packageAmount: string }
  | {
      model: 'percentage';
      rate: string;
      fixedPerEvent?: string;
      /** Clamp of the period's total fee. */
      min?: string;
      max?: string;
      /** Clamp of each event's percentage fee (Lago's per-transaction min/max), before the fixed fee. */
      perTransactionMin?: string;
      perTransactionMax?: string;
    }
  | { model: 'cost_plus'; multiplier: string; costType?: string };

export const PRICE_MODELS = [
  'per_unit',
  'graduated',
  'volume',
  'package',
  'percentage',
  'cost_plus',
] as const;

export type BillingTiming = 'advance' | 'arrears';

export type Charge =
  | { id: string; kind: 'base'; name: string; amount: string; timing: BillingTiming }
  | { id: string; kind: 'seat'; name: string; unitAmount: string; timing: BillingTiming; freeSeats?: string }
  | {
      id: string;
      kind: 'usage';
      name: string;
      /** Not needed for cost_plus (it prices recorded agent costs). */
      metricCode?: string;
      price: PriceModel;
      freeUnits?: string;
    }
  | {
      id: string;
      kind: 'outcome';
      name: string;
      outcomeType: string;
      /** Percent of the verified outcome value, e.g. "5" = 5%. */
      percentage: string;
      minPerOutcome?: string;
      maxPerOutcome?: string;
    };

export interface PlanDefinition {
  name: string;
  currency: string;
  interval: Interval;
  trialDays: number;
  minimumCommitment: string | null;
  charges: Charge[];
}
