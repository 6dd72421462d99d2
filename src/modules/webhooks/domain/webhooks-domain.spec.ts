import { deliveryBackoffMs } from './delivery-backoff';
import {
  isNewerState,
  invoiceStatusRank,
  mapSubscriptionStatus,
  subscriptionStatusRank,
} from './stripe-event';
import { signPayload, verifySignature } from '../../../shared/contracts/webhook-signature';

describe('outbound webhook signature', () => {
  it('signs timestamp and body, and a receiver can verify it within the tolerance', () => {
    const header = signPayload('whsec_test', 1_700_000_000, '{"a":1}');
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_test', header, '{"a":1}', 1_700_000_100)).toBe(true);
    expect(verifySignature('whsec_test', header, '{"a":2}', 1_700_000_100)).toBe(false);
    expect(verifySignature('other', header, '{"a":1}', 1_700_000_100)).toBe(false);
    expect(verifySignature('whsec_test', header, '{"a":1}', 1_700_001_000)).toBe(false);
  });
});

describe('delivery backoff', () => {
  it('grows x3 per attempt up to the cap and spans about a day with the defaults', () => {
    expect([1, 2, 3].map((n) => deliveryBackoffMs(n, 60_000, 6 * 3600_000))).toEqual([
      60_000, 180_000, 540_000,
    ]);
    expect(deliveryBackoffMs(20, 60_000, 6 * 3600_000)).toBe(6 * 3600_000);
    let total = 0;
    for (let n = 1; n < 10; n++) total += deliveryBackoffMs(n, 60_000, 6 * 3600_000);
    expect(total / 3600_000).toBeGreaterThan(20);
    expect(total / 3600_000).toBeLessThan(28);
  });
});

describe('Stripe state order', () => {
  const at = (s: number) => new Date(s * 1000);
  it('never lets an older event or a lower status replace a newer one', () => {
    const paid = { rank: invoiceStatusRank('paid'), eventCreated: at(100) };
    expect(isNewerState(paid, { rank: invoiceStatusRank('open'), eventCreated: at(200) })).toBe(false);
    expect(isNewerState(null, { rank: invoiceStatusRank('open'), eventCreated: at(50) })).toBe(true);
    const active = { rank: subscriptionStatusRank('active'), eventCreated: at(100) };
    expect(isNewerState(active, { rank: subscriptionStatusRank('past_due'), eventCreated: at(90) })).toBe(
      false,
    );
    expect(isNewerState(active, { rank: subscriptionStatusRank('past_due'), eventCreated: at(110) })).toBe(
      true,
    );
    const canceled = { rank: subscriptionStatusRank('canceled'), eventCreated: at(100) };
    expect(isNewerState(canceled, { rank: subscriptionStatusRank('active'), eventCreated: at(300) })).toBe(
      false,
    );
  });

  it('maps Stripe subscription statuses', () => {
    expect(mapSubscriptionStatus('trialing')).toBe('active');
    expect(mapSubscriptionStatus('unpaid')).toBe('past_due');
    expect(mapSubscriptionStatus('incomplete_expired')).toBe('canceled');
    expect(mapSubscriptionStatus('incomplete')).toBeNull();
  });
});
