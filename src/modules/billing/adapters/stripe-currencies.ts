import Decimal from 'decimal.js';
import { InvalidError } from '../../../shared/domain/domain-error';
import { Dec, dec } from '../../../shared/domain/money';

/**
 * Stripe's currency rules (https://docs.stripe.com/currencies), the one place every amount sent to Stripe
 * is converted: `exponent` is how many decimals Stripe's integer `amount` carries, `step` the multiple of
 * minor units Stripe accepts.
 *
 * - Zero-decimal currencies: the amount is whole units (¥500 is 500).
 * - Three-decimal currencies: thousandths, but the last digit must be 0 (5.124 KWD goes as 5120 or 5130).
 * - ISK: whole krónur since 2023, yet still two-decimal on the API: amounts are multiples of 100 (5 ISK is
 *   500; Stripe answers invalid_charge_amount_no_decimal_compatible otherwise).
 * - UGX: listed zero-decimal, but the API keeps the two-decimal form for backwards compatibility: whole
 *   shillings as multiples of 100 (USh 60,000 is 6000000).
 * - HUF and TWD: two-decimal for charges (fractions allowed); only payouts, which Tollgate never creates,
 *   must be multiples of 100.
 */
export interface StripeCurrencyRule {
  exponent: 0 | 2 | 3;
  step: 1 | 10 | 100;
}

export const STRIPE_ZERO_DECIMAL = [
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
] as const;
export const STRIPE_THREE_DECIMAL = ['BHD', 'JOD', 'KWD', 'OMR', 'TND'] as const;

const SPECIAL: Record<string, StripeCurrencyRule> = {
  ISK: { exponent: 2, step: 100 },
  UGX: { exponent: 2, step: 100 },
  HUF: { exponent: 2, step: 1 },
  TWD: { exponent: 2, step: 1 },
};

export function stripeCurrencyRule(currency: string): StripeCurrencyRule {
  const c = currency.toUpperCase();
  if (SPECIAL[c]) return SPECIAL[c];
  if ((STRIPE_ZERO_DECIMAL as readonly string[]).includes(c)) return { exponent: 0, step: 1 };
  if ((STRIPE_THREE_DECIMAL as readonly string[]).includes(c)) return { exponent: 3, step: 10 };
  return { exponent: 2, step: 1 };
}

/** The smallest amount Stripe can move in this currency, in currency units (0.01 KWD, 1 ISK, 1 JPY). */
export const stripeIncrement = (currency: string): Dec => {
  const { exponent, step } = stripeCurrencyRule(currency);
  return dec(step).div(dec(10).pow(exponent));
};

/** Rounds a currency amount to what Stripe can move (half-even, or down for refunds: never more than asked). */
export function roundForStripe(amount: Decimal.Value, currency: string, mode: 'half_even' | 'down'): Dec {
  const inc = stripeIncrement(currency);
  const units = dec(amount).div(inc);
  return (mode === 'down' ? units.toDecimalPlaces(0, Decimal.ROUND_DOWN) : units.toDecimalPlaces(0)).times(
    inc,
  );
}

/** Stripe's integer `amount` for a currency amount Stripe can move as it is; 400 otherwise. */
export function toStripeAmount(amount: Decimal.Value, currency: string): number {
  const { exponent, step } = stripeCurrencyRule(currency);
  const minor = dec(amount).times(dec(10).pow(exponent));
  if (!minor.isInteger() || !minor.mod(step).isZero())
    throw new InvalidError(
      'amount_not_chargeable',
      `${dec(amount).toString()} ${currency.toUpperCase()} cannot be charged through Stripe: amounts must be ` +
        `multiples of ${stripeIncrement(currency).toString()} ${currency.toUpperCase()}`,
      [{ field: 'amount', message: `a multiple of ${stripeIncrement(currency).toString()}` }],
    );
  return minor.toNumber();
}
