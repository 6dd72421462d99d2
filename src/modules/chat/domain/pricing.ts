import { Dec, dec } from '../../../shared/domain/money';

export interface ModelPrice {
  /** Price per million prompt tokens (decimal string). */
  input: string;
  /** Price per million completion tokens. */
  output: string;
}

const MILLION = 1_000_000;

/** Exact cost of a call, kept to 12 decimals (half-even); rounding to cents happens on invoices only. */
export function costOf(price: ModelPrice, promptTokens: number, completionTokens: number): Dec {
  return dec(price.input)
    .times(promptTokens)
    .plus(dec(price.output).times(completionTokens))
    .div(MILLION)
    .toDecimalPlaces(12);
}

/** Budget counters in Redis are integers of 1e-9 currency units; reservations round up so they never undercount. */
export const NANOS = 1_000_000_000;
export const toNanos = (amount: Dec): number => amount.times(NANOS).ceil().toNumber();
