import { perTransactionFee } from '../../src/modules/billing/domain/rating';
import { dec } from '../../src/shared/domain/money';
import { usageAmount } from './support';

describe('scenarios: percentage pricing', () => {
  // https://getlago.com/docs/templates/per-transaction/stripe — card payments online: 2.9% + $0.30 per
  // transaction. One $100 payment: 100 × 2.9% + 0.30 = 3.20; ten payments summing $1,000: 29 + 3 = 32.00.
  it.each([
    ['100', 1, '3.20'],
    ['1000', 10, '32.00'],
  ])('Stripe card fees through Lago: %s over %i payments cost %s', (sum, events, expected) => {
    expect(usageAmount({ model: 'percentage', rate: '2.9', fixedPerEvent: '0.30' }, sum, { events })).toBe(
      expected,
    );
  });

  // https://getlago.com/docs/guide/plans/charges/charge-models/percentage — rate on the total amount
  // (e.g. 1.2%) and a fixed fee per event (e.g. $0.10): $10,000 over 50 events = 120 + 5 = 125.00.
  it('Lago: 1.2% of 10,000 plus 0.10 × 50 events costs 125.00', () => {
    expect(
      usageAmount({ model: 'percentage', rate: '1.2', fixedPerEvent: '0.10' }, '10000', { events: 50 }),
    ).toBe('125.00');
  });

  // Same page: per-transaction spending minimum and maximum apply to each transaction. With 1.2%, a $0.50
  // minimum and a $20 maximum: $10 -> 0.12 raised to 0.50; $1,000 -> 12.00; $5,000 -> 60 capped at 20.00.
  it.each([
    ['10', '0.5'],
    ['1000', '12'],
    ['5000', '20'],
  ])('Lago per-transaction bounds: a %s transaction costs %s', (value, expected) => {
    const fee = perTransactionFee(dec(value), {
      rate: '1.2',
      perTransactionMin: '0.50',
      perTransactionMax: '20',
    });
    expect(fee.toString()).toBe(expected);
  });

  // The period-total bounds, from their definition: 2.5% of 10 = 0.25, raised to the $1 minimum.
  it('period minimum: 2.5% of 10 with a 1.00 minimum costs 1.00', () => {
    expect(usageAmount({ model: 'percentage', rate: '2.5', min: '1' }, '10')).toBe('1.00');
  });
});
