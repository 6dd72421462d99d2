import { Tier } from '../../src/modules/billing/domain/plan';
import { usageAmount } from './support';

/** Graduated and volume tiers, from the worked examples of public pricing docs. */
describe('scenarios: graduated pricing', () => {
  // https://getlago.com/docs/guide/plans/charges/charge-models/graduated
  // "$1 per unit for the first 100 units, then $0.50 per unit for the next 100 calls and finally $0.10
  // for any additional unit."
  const lago: Tier[] = [
    { upTo: '100', unitAmount: '1' },
    { upTo: '200', unitAmount: '0.50' },
    { upTo: null, unitAmount: '0.10' },
  ];
  it.each([
    ['100', '100.00'], // 100 × 1
    ['150', '125.00'], // 100 × 1 + 50 × 0.50
    ['250', '155.00'], // 100 × 1 + 100 × 0.50 + 50 × 0.10
  ])('Lago API company: %s calls cost %s', (calls, expected) => {
    expect(usageAmount({ model: 'graduated', tiers: lago }, calls)).toBe(expected);
  });

  // https://zuplo.com/docs/articles/monetization/pricing-models (graduated):
  // 15,000 units = (1,000 × $0.10) + (9,000 × $0.05) + (5,000 × $0.01) = $600.
  it('Zuplo: 15,000 units over 0.10 / 0.05 / 0.01 tiers cost 600.00', () => {
    const tiers: Tier[] = [
      { upTo: '1000', unitAmount: '0.10' },
      { upTo: '10000', unitAmount: '0.05' },
      { upTo: null, unitAmount: '0.01' },
    ];
    expect(usageAmount({ model: 'graduated', tiers }, '15000')).toBe('600.00');
  });

  // https://docs.useautumn.com/documentation/modelling-pricing/graduated-pricing:
  // 15,000 requests = (1,000 × $0.01) + (9,000 × $0.008) + (5,000 × $0.005) = $107.
  it('Autumn: 15,000 requests over 0.01 / 0.008 / 0.005 tiers cost 107.00', () => {
    const tiers: Tier[] = [
      { upTo: '1000', unitAmount: '0.01' },
      { upTo: '10000', unitAmount: '0.008' },
      { upTo: null, unitAmount: '0.005' },
    ];
    expect(usageAmount({ model: 'graduated', tiers }, '15000')).toBe('107.00');
  });

  // Stripe's tier definition (https://docs.stripe.com/products-prices/pricing-models#graduated-pricing):
  // flat_amount is the price of the entire tier, charged once usage enters it; up_to: inf ends the list.
  // First 5 units: flat 10.00; each unit after: 1.00. 8 units = 10 + 3 × 1 = 13.00; 5 units = 10.00.
  it.each([
    ['5', '10.00'],
    ['8', '13.00'],
  ])('Stripe-style flat first tier: %s units cost %s', (units, expected) => {
    const tiers: Tier[] = [
      { upTo: '5', unitAmount: '0', flatAmount: '10' },
      { upTo: null, unitAmount: '1' },
    ];
    expect(usageAmount({ model: 'graduated', tiers }, units)).toBe(expected);
  });
});

describe('scenarios: volume pricing', () => {
  // https://getlago.com/docs/guide/plans/charges/charge-models/volume — tiers 0.0010 / 0.0008 / 0.0006 /
  // 0.0004 with a $10 fee each: "65,000 API calls would cost 65,000 x $0.0006 + $10 = $49."
  const lago: Tier[] = [
    { upTo: '10000', unitAmount: '0.0010', flatAmount: '10' },
    { upTo: '50000', unitAmount: '0.0008', flatAmount: '10' },
    { upTo: '100000', unitAmount: '0.0006', flatAmount: '10' },
    { upTo: null, unitAmount: '0.0004', flatAmount: '10' },
  ];
  it.each([
    ['65000', '49.00'], // the page's example
    ['10000', '20.00'], // last unit of tier 1: 10,000 × 0.001 + 10
    ['10001', '18.00'], // whole volume moves to tier 2: 10,001 × 0.0008 + 10 = 18.0008
    ['150000', '70.00'], // 150,000 × 0.0004 + 10
  ])('Lago API calls: %s calls cost %s', (calls, expected) => {
    expect(usageAmount({ model: 'volume', tiers: lago }, calls)).toBe(expected);
  });

  // https://zuplo.com/docs/articles/monetization/pricing-models (volume): 15,000 × $0.01 = $150.
  it('Zuplo: 15,000 units at the tier reached cost 150.00', () => {
    const tiers: Tier[] = [
      { upTo: '1000', unitAmount: '0.10' },
      { upTo: '10000', unitAmount: '0.05' },
      { upTo: null, unitAmount: '0.01' },
    ];
    expect(usageAmount({ model: 'volume', tiers }, '15000')).toBe('150.00');
  });
});
