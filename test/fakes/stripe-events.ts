import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { FakeStripe } from './fake-stripe';

/**
 * Stripe webhook payloads shaped like Stripe's API objects at the API version the SDK pins
 * (Stripe.API_VERSION): the objects are the fake Stripe's own, written with Stripe's field names, and each
 * builder is checked against the SDK's types (`satisfies Partial<Stripe.X>`: a field Stripe does not have,
 * or an expandable id given as an object, fails to compile). Signed with the SDK's test header helper.
 */
export function stripeEvent(type: string, object: object, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event' as const,
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  } satisfies Partial<Omit<Stripe.Event, 'type' | 'data'>> & { type: string; data: { object: object } };
}

export function signedStripeEvent(event: object, secret: string): { payload: string; header: string } {
  const payload = JSON.stringify(event);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** The payment intent Stripe created to pay an invoice: no invoice id, no metadata of ours. */
export function paymentIntentObject(fake: FakeStripe, paymentIntentId: string) {
  const pi = fake.paymentIntents.get(paymentIntentId)!;
  return {
    id: pi.id as string,
    object: 'payment_intent',
    amount: pi.amount as number,
    amount_received: pi.amount_received as number,
    currency: pi.currency as string,
    customer: pi.customer as string,
    created: pi.created as number,
    livemode: false,
    latest_charge: pi.latest_charge as string,
    metadata: {},
    status: 'succeeded',
  } satisfies Partial<Stripe.PaymentIntent>;
}

/** charge.refunded carries the Charge; its refunds are not included (list them by charge). */
export function chargeObject(fake: FakeStripe, chargeId: string) {
  const ch = fake.charges.get(chargeId)!;
  return {
    id: ch.id as string,
    object: 'charge',
    amount: ch.amount as number,
    amount_captured: ch.amount_captured as number,
    amount_refunded: ch.amount_refunded as number,
    captured: true,
    currency: ch.currency as string,
    customer: ch.customer as string,
    created: ch.created as number,
    livemode: false,
    metadata: {},
    paid: true,
    payment_intent: ch.payment_intent as string,
    refunded: ch.refunded as boolean,
    status: 'succeeded',
  } satisfies Partial<Stripe.Charge>;
}

export function refundObject(fake: FakeStripe, refundId: string) {
  const r = fake.refunds.get(refundId)!;
  return {
    id: r.id as string,
    object: 'refund',
    amount: r.amount as number,
    charge: r.charge as string,
    created: r.created as number,
    currency: r.currency as string,
    metadata: r.metadata as Record<string, string>,
    payment_intent: r.payment_intent as string,
    reason: 'requested_by_customer',
    status: r.status as string,
    ...(r.failure_reason ? { failure_reason: r.failure_reason as string } : {}),
  } satisfies Partial<Stripe.Refund>;
}
