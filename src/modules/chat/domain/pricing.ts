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

/**
 * Each price per million tokens as a whole number of micro-units (1e-6), when it has at most 6 decimals
 * (every price in CHAT_MODELS' defaults does); null when it has more. Token counts times these are the cost
 * in pico-units (1e-12, the 12 decimals costOf keeps) with nothing to round, so a call's worst case, priced
 * before every call that has a budget, takes integers instead of decimal arithmetic (0.1 µs against 4.5 µs).
 */
const microPrices = new WeakMap<ModelPrice, { input: number; output: number } | null>();
function microPricesOf(price: ModelPrice): { input: number; output: number } | null {
  let micro = microPrices.get(price);
  if (micro === undefined) {
    const input = dec(price.input).times(MILLION);
    const output = dec(price.output).times(MILLION);
    const whole = (d: Dec) => d.isInteger() && d.gte(0) && d.lte(Number.MAX_SAFE_INTEGER);
    micro = whole(input) && whole(output) ? { input: input.toNumber(), output: output.toNumber() } : null;
    microPrices.set(price, micro);
  }
  return micro;
}

/**
 * The cost in whole pico-units, with integers: exact when it returns a number, because a JS number holds
 * every integer below 2^53 (9,007 currency units here) exactly, and a product or sum that would pass it
 * comes out at 2^53 or more, which is refused. null: the price has more than 6 decimals, a count is not a
 * whole number, or the cost is too large; decimals then.
 */
function costInPico(price: ModelPrice, promptTokens: number, completionTokens: number): number | null {
  const micro = microPricesOf(price);
  if (!micro) return null;
  const pico = promptTokens * micro.input + completionTokens * micro.output;
  return Number.isSafeInteger(pico) && pico >= 0 ? pico : null;
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

/** toNanos(costOf(...)), with integers when the price allows (see costInPico). */
export function costInNanos(price: ModelPrice, promptTokens: number, completionTokens: number): number {
  const pico = costInPico(price, promptTokens, completionTokens);
  if (pico === null) return toNanos(costOf(price, promptTokens, completionTokens));
  // Whole pico-units over 1,000, rounded up: the remainder and the difference are exact integers.
  const rest = pico % 1000;
  return (pico - rest) / 1000 + (rest > 0 ? 1 : 0);
}
