import { roundForStripe, toStripeAmount } from '../../src/modules/billing/adapters/stripe-currencies';
import { usageAmount } from './support';

/**
 * Rounding: each invoice line rounded once, half-even, to the currency's ISO 4217 minor unit; amounts
 * sent to Stripe follow Stripe's currency table (https://docs.stripe.com/currencies).
 */
describe('scenarios: currency rounding', () => {
  it.each([
    ['3', 'JPY', '2'], // 1.5 yen -> 2 (even)
    ['5', 'JPY', '2'], // 2.5 yen -> 2 (even)
    ['3', 'USD', '1.50'],
  ])('0.5 per unit × %s in %s = %s', (units, currency, expected) => {
    expect(usageAmount({ model: 'per_unit', unitAmount: '0.5' }, units, { currency })).toBe(expected);
  });

  it.each([
    ['0.0015', '1000', '1.500'], // three decimals kept
    ['0.0000005', '1001', '0.001'], // 0.0005005 -> 0.001
    ['0.0000005', '1000', '0.000'], // 0.0005 exactly -> 0.000 (even)
  ])('KWD: %s × %s = %s', (unit, units, expected) => {
    expect(usageAmount({ model: 'per_unit', unitAmount: unit }, units, { currency: 'KWD' })).toBe(expected);
  });

  it.each([
    ['0.125', '0.12'],
    ['0.135', '0.14'],
    ['0.005', '0.00'],
  ])('USD half-even: %s -> %s', (amount, expected) => {
    expect(usageAmount({ model: 'per_unit', unitAmount: amount }, '1')).toBe(expected);
  });

  // https://docs.stripe.com/currencies#three-decimal: "5.124 KWD must be rounded to 5120 or 5130";
  // https://support.stripe.com/questions/deprecation-of-fractional-isk-charges-and-refunds: 1 ISK is 100.
  it.each([
    ['5.124', 'KWD', 5120],
    ['5.126', 'KWD', 5130],
    ['5', 'ISK', 500],
    ['500', 'JPY', 500],
    ['10', 'USD', 1000],
  ])('Stripe amount of %s %s is %i', (amount, currency, expected) => {
    expect(toStripeAmount(roundForStripe(amount, currency, 'half_even'), currency)).toBe(expected);
  });
});
