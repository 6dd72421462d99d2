import { usageAmount } from './support';

describe('scenarios: package pricing', () => {
  // https://getlago.com/docs/guide/plans/charges/charge-models/package — $5 per 100 units, first 100 free:
  // "201 units would cost $0 (first 100 units) + $5 (next 100 units) + $5 (last unit) = $10."
  it.each([
    ['201', '10.00'],
    ['100', '0.00'], // all free
    ['200', '5.00'], // one full package after the free units
    ['101', '5.00'], // a started package is a package
  ])('Lago: %s units cost %s', (units, expected) => {
    expect(
      usageAmount({ model: 'package', packageSize: '100', packageAmount: '5' }, units, { freeUnits: '100' }),
    ).toBe(expected);
  });
});

describe('scenarios: per-unit pricing', () => {
  // https://zuplo.com/docs/articles/monetization/pricing-models (per-unit): 100,000 × $0.001 = $100.
  it('Zuplo: 100,000 calls at 0.001 cost 100.00', () => {
    expect(usageAmount({ model: 'per_unit', unitAmount: '0.001' }, '100000')).toBe('100.00');
  });

  // Token prices below a cent, from the definition (quantity × unit price, rounded once half-even):
  // 1,234,567 × 0.000002 = 2.469134 -> 2.47; 2,500 × 0.000002 = 0.005 -> 0.00 (half-even keeps the even 0).
  it.each([
    ['1234567', '2.47'],
    ['2500', '0.00'],
    ['7500', '0.02'], // 0.015 -> 0.02 (the even neighbour)
  ])('tokens at 0.000002: %s tokens cost %s', (tokens, expected) => {
    expect(usageAmount({ model: 'per_unit', unitAmount: '0.000002' }, tokens)).toBe(expected);
  });
});
