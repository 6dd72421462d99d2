"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const delivery_backoff_1 = require("./delivery-backoff");
const stripe_event_1 = require("./stripe-event");
const webhook_signature_1 = require("./webhook-signature");
describe('outbound webhook signature', () => {
    it('signs timestamp and body, and a receiver can verify it within the tolerance', () => {
        const header = (0, webhook_signature_1.signPayload)('whsec_test', 1_700_000_000, '{"a":1}');
        expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
        expect((0, webhook_signature_1.verifySignature)('whsec_test', header, '{"a":1}', 1_700_000_100)).toBe(true);
        expect((0, webhook_signature_1.verifySignature)('whsec_test', header, '{"a":2}', 1_700_000_100)).toBe(false);
        expect((0, webhook_signature_1.verifySignature)('other', header, '{"a":1}', 1_700_000_100)).toBe(false);
        expect((0, webhook_signature_1.verifySignature)('whsec_test', header, '{"a":1}', 1_700_001_000)).toBe(false);
    });
});
describe('delivery backoff', () => {
    it('grows x3 per attempt up to the cap and spans about a day with the defaults', () => {
        expect([1, 2, 3].map((n) => (0, delivery_backoff_1.deliveryBackoffMs)(n, 60_000, 6 * 3600_000))).toEqual([
            60_000, 180_000, 540_000,
        ]);
        expect((0, delivery_backoff_1.deliveryBackoffMs)(20, 60_000, 6 * 3600_000)).toBe(6 * 3600_000);
        let total = 0;
        for (let n = 1; n < 10; n++)
            total += (0, delivery_backoff_1.deliveryBackoffMs)(n, 60_000, 6 * 3600_000);
        expect(total / 3600_000).toBeGreaterThan(20);
        expect(total / 3600_000).toBeLessThan(28);
    });
});
describe('Stripe state order', () => {
    const at = (s) => new Date(s * 1000);
    it('never lets an older event or a lower status replace a newer one', () => {
        const paid = { rank: (0, stripe_event_1.invoiceStatusRank)('paid'), eventCreated: at(100) };
        expect((0, stripe_event_1.isNewerState)(paid, { rank: (0, stripe_event_1.invoiceStatusRank)('open'), eventCreated: at(200) })).toBe(false);
        expect((0, stripe_event_1.isNewerState)(null, { rank: (0, stripe_event_1.invoiceStatusRank)('open'), eventCreated: at(50) })).toBe(true);
        const active = { rank: (0, stripe_event_1.subscriptionStatusRank)('active'), eventCreated: at(100) };
        expect((0, stripe_event_1.isNewerState)(active, { rank: (0, stripe_event_1.subscriptionStatusRank)('past_due'), eventCreated: at(90) })).toBe(false);
        expect((0, stripe_event_1.isNewerState)(active, { rank: (0, stripe_event_1.subscriptionStatusRank)('past_due'), eventCreated: at(110) })).toBe(true);
        const canceled = { rank: (0, stripe_event_1.subscriptionStatusRank)('canceled'), eventCreated: at(100) };
        expect((0, stripe_event_1.isNewerState)(canceled, { rank: (0, stripe_event_1.subscriptionStatusRank)('active'), eventCreated: at(300) })).toBe(false);
    });
    it('maps Stripe subscription statuses', () => {
        expect((0, stripe_event_1.mapSubscriptionStatus)('trialing')).toBe('active');
        expect((0, stripe_event_1.mapSubscriptionStatus)('unpaid')).toBe('past_due');
        expect((0, stripe_event_1.mapSubscriptionStatus)('incomplete_expired')).toBe('canceled');
        expect((0, stripe_event_1.mapSubscriptionStatus)('incomplete')).toBeNull();
    });
});
//# sourceMappingURL=webhooks-domain.spec.js.map