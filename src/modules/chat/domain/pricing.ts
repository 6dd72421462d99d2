import { Dec, dec } from '../../../shared/domain/money';

export interface ModelPrice {
  /** Price per million prompt tokens (decimal string). */
  input: string;
  /** Price per million completion tokens. */
  output: string;
}

const MILLION = 1_000_000;

/** Each price per single token, parsed once per price (every chat call prices its tokens twice). */
const perToken = new WeakMap<ModelPrice, { input: Dec; output: Dec }>();
function perTokenOf(price: ModelPrice): { input: Dec; output: Dec } {
  let parsed = perToken.get(price);
  if (!parsed) {
    // Dividing by a power of ten is exact, so this is the same as dividing the product afterwards.
    parsed = { input: dec(price.input).div(MILLION), output: dec(price.output).div(MILLION) };
    perToken.set(price, parsed);
  }
  return parsed;
}

/** Exact cost of a call, kept to 12 decimals (half-even); rounding to cents happens on invoices only. */
export function costOf(price: ModelPrice, promptTokens: number, completionTokens: number): Dec {
  const { input, output } = perTokenOf(price);
  if (!completionTokens) return input.times(promptTokens).toDecimalPlaces(12);
  if (!promptTokens) return output.times(completionTokens).toDecimalPlaces(12);
  return input.times(promptTokens).plus(output.times(completionTokens)).toDecimalPlaces(12);
}

/** Budget counters in Redis are integers of 1e-9 currency units; reservations round up so they never undercount. */
export const NANOS = 1_000_000_000;
export const toNanos = (amount: Dec): number => amount.times(NANOS).ceil().toNumber();
