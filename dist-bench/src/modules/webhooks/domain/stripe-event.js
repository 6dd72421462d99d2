"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tenantOfStripeObject = exports.subscriptionStatusRank = exports.invoiceStatusRank = exports.HANDLED_STRIPE_EVENTS = void 0;
exports.mapSubscriptionStatus = mapSubscriptionStatus;
exports.isNewerState = isNewerState;
exports.HANDLED_STRIPE_EVENTS = [
    'checkout.session.completed',
    'customer.subscription.created',
    'customer.subscription.updated',
    'customer.subscription.deleted',
    'invoice.finalized',
    'invoice.paid',
    'invoice.payment_failed',
    'payment_intent.succeeded',
    'charge.refunded',
];
const INVOICE_RANK = {
    draft: 0,
    open: 1,
    payment_failed: 1,
    uncollectible: 2,
    paid: 3,
    void: 3,
};
const invoiceStatusRank = (status) => INVOICE_RANK[status] ?? 0;
exports.invoiceStatusRank = invoiceStatusRank;
const subscriptionStatusRank = (status) => status === 'canceled' || status === 'incomplete_expired' ? 1 : 0;
exports.subscriptionStatusRank = subscriptionStatusRank;
function mapSubscriptionStatus(status) {
    switch (status) {
        case 'active':
        case 'trialing':
            return 'active';
        case 'past_due':
        case 'unpaid':
            return 'past_due';
        case 'canceled':
        case 'incomplete_expired':
            return 'canceled';
        default:
            return null;
    }
}
function isNewerState(current, next) {
    if (!current)
        return true;
    if (next.rank !== current.rank)
        return next.rank > current.rank;
    return next.eventCreated.getTime() >= current.eventCreated.getTime();
}
const tenantOfStripeObject = (o) => o.metadata?.tenant_id ?? o.metadata?.tollgate_tenant_id ?? null;
exports.tenantOfStripeObject = tenantOfStripeObject;
//# sourceMappingURL=stripe-event.js.map