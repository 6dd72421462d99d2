import { amountDue } from '../../src/modules/invoicing/domain/invoice';
import { ratePeriod } from './support';

/**
 * The order of invoice adjustments: coupons come off the subtotal before tax
 * (https://getlago.com/changelog/coupons-before-tax), tax is computed on what remains, and prepaid credits
 * are applied to the total with tax (https://getlago.com/changelog/nvoice-calculation-method). Amounts
 * below are derived in that order.
 */
describe('scenarios: coupons, credits and tax', () => {
  const platform = (amount: string) => [
    { id: 'b', kind: 'base' as const, name: 'Platform', amount, timing: 'arrears' as const },
  ];

  it('100.00, 20% coupon, 20% tax, 50.00 credits: discount -20, tax 16, total 96, due 46', () => {
    const rated = ratePeriod({
      charges: platform('100'),
      coupons: [{ redemptionId: 'r', name: 'WELCOME20', kind: 'percentage', percentOff: '20' }],
      taxRate: '20',
    });
    expect([rated.subtotal, rated.discountTotal, rated.taxTotal, rated.totalBeforeCredits]).toEqual([
      '100.00',
      '-20.00',
      '16.00',
      '96.00',
    ]);
    expect(amountDue(rated.totalBeforeCredits, '50.00', 'USD')).toBe('46.00');
  });

  // Lago's changelog example (subscriptions $50 + usage $20, coupon $10, prepaid credits $30, tax 10%), in
  // today's order: (70 - 10) = 60, tax 6.00, total 66.00, credits 30 -> 36.00 due.
  it('Lago: 50 + 20, coupon 10, tax 10%, credits 30 -> total 66.00, due 36.00', () => {
    const rated = ratePeriod({
      charges: [
        ...platform('50'),
        {
          id: 'u',
          kind: 'usage',
          name: 'Usage',
          metricCode: 'calls',
          price: { model: 'per_unit', unitAmount: '1' },
        },
      ],
      usage: { u: { quantity: '20', events: 20 } },
      coupons: [{ redemptionId: 'r', name: 'TEN', kind: 'fixed', amountOff: '10' }],
      taxRate: '10',
    });
    expect([rated.subtotal, rated.taxTotal, rated.totalBeforeCredits]).toEqual(['70.00', '6.00', '66.00']);
    expect(amountDue(rated.totalBeforeCredits, '30.00', 'USD')).toBe('36.00');
  });

  // https://docs.flexprice.io/docs/invoices/calculation worked example: usage 80 + flat 20; coupons worth
  // 20 (25% of the usage line) and 10; wallet credits 5; tax 8.25% on 70 = 5.775 -> 5.78; invoice 70.78.
  // Tollgate's coupons apply to the invoice, so the 25% line coupon is the fixed 20 it comes to.
  it('flexprice: 100 - 30 in coupons, 8.25% tax, 5 credits -> 70.78 due', () => {
    const rated = ratePeriod({
      charges: [
        ...platform('20'),
        {
          id: 'u',
          kind: 'usage',
          name: 'API calls',
          metricCode: 'calls',
          price: { model: 'per_unit', unitAmount: '1' },
        },
      ],
      usage: { u: { quantity: '80', events: 80 } },
      coupons: [
        { redemptionId: 'a', name: 'API25', kind: 'fixed', amountOff: '20' },
        { redemptionId: 'b', name: 'TEN', kind: 'fixed', amountOff: '10' },
      ],
      taxRate: '8.25',
    });
    expect([rated.discountTotal, rated.taxTotal, rated.totalBeforeCredits]).toEqual([
      '-30.00',
      '5.78',
      '75.78',
    ]);
    expect(amountDue(rated.totalBeforeCredits, '5.00', 'USD')).toBe('70.78');
  });

  it('a fixed coupon larger than the subtotal takes it to zero, never below: 30 off 25 -> total 0', () => {
    const rated = ratePeriod({
      charges: platform('25'),
      coupons: [{ redemptionId: 'r', name: 'BIG', kind: 'fixed', amountOff: '30' }],
      taxRate: '10',
    });
    expect([rated.discountTotal, rated.taxTotal, rated.totalBeforeCredits]).toEqual([
      '-25.00',
      '0.00',
      '0.00',
    ]);
  });

  it('two coupons apply in turn on what is left: 10% then 5.00 off 200 -> 175, tax 8.5% = 14.88', () => {
    const rated = ratePeriod({
      charges: platform('200'),
      coupons: [
        { redemptionId: 'a', name: 'TEN', kind: 'percentage', percentOff: '10' },
        { redemptionId: 'b', name: 'FIVE', kind: 'fixed', amountOff: '5' },
      ],
      taxRate: '8.5',
    });
    // 200 - 20 - 5 = 175; 175 × 8.5% = 14.875 -> 14.88 (half-even keeps the even 8); total 189.88.
    expect([rated.discountTotal, rated.taxTotal, rated.totalBeforeCredits]).toEqual([
      '-25.00',
      '14.88',
      '189.88',
    ]);
  });

  it('credits cover at most the total: 30.00 of credits on a 24.00 invoice leave 0.00 due', () => {
    const rated = ratePeriod({ charges: platform('20'), taxRate: '20' });
    expect(rated.totalBeforeCredits).toBe('24.00');
    expect(amountDue(rated.totalBeforeCredits, rated.totalBeforeCredits, 'USD')).toBe('0.00');
  });
});
