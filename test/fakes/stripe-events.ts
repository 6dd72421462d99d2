import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { FakeStripe } from './fake-stripe';

/**
 * Stripe webhook payloads shaped like Stripe's API objects at the API version the SDK pins
 * (Stripe.API_VERSION): the objects are the fake Stripe's own, complete with every field Stripe sends
 * (`satisfies Stripe.X`: a missing field, a field Stripe does not have, or an expandable id given as an
 * object fails to compile; fields Stripe leaves empty for these payments are null, as Stripe sends them).
 * Signed with the SDK's test header helper.
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

const address = (country: string): Stripe.Address => ({
  city: null,
  country,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
});

/** The payment intent Stripe created to pay an invoice: no invoice id, no metadata of ours. */
export function paymentIntentObject(fake: FakeStripe, paymentIntentId: string) {
  const pi = fake.paymentIntents.get(paymentIntentId)!;
  return {
    id: pi.id as string,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: pi.amount as number,
    amount_capturable: 0,
    amount_received: pi.amount_received as number,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${pi.id as string}_secret_test`,
    confirmation_method: 'automatic',
    created: pi.created as number,
    currency: pi.currency as string,
    customer: pi.customer as string,
    customer_account: null,
    description: 'Payment for Invoice',
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: pi.latest_charge as string,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_group: null,
  } satisfies Stripe.PaymentIntent;
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
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: address('US'), email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'TOLLGATE',
    captured: true,
    created: ch.created as number,
    currency: ch.currency as string,
    customer: ch.customer as string,
    description: 'Payment for Invoice',
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: null,
    paid: true,
    payment_intent: ch.payment_intent as string,
    payment_method: null,
    payment_method_details: null,
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: ch.refunded as boolean,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
  } satisfies Stripe.Charge;
}

export function refundObject(fake: FakeStripe, refundId: string) {
  const r = fake.refunds.get(refundId)!;
  return {
    id: r.id as string,
    object: 'refund',
    amount: r.amount as number,
    balance_transaction: null,
    charge: r.charge as string,
    created: r.created as number,
    currency: r.currency as string,
    customer: null,
    customer_account: null,
    metadata: r.metadata as Record<string, string>,
    payment_intent: r.payment_intent as string,
    payment_method: null,
    reason: 'requested_by_customer',
    receipt_number: null,
    source_transfer_reversal: null,
    status: r.status as string,
    transfer_reversal: null,
    ...(r.failure_reason ? { failure_reason: r.failure_reason as string } : {}),
  } satisfies Stripe.Refund;
}

/**
 * The line Stripe lists on an invoice for an invoice item (POST /v1/invoiceitems with an amount): a
 * `line_item` whose parent is the invoice item, priced by the one-off price Stripe makes for it.
 */
function invoiceLineItem(item: Record<string, unknown>, invoiceId: string, at: number) {
  const ref = (item.id as string).slice('ii_'.length);
  const amount = item.amount as number;
  return {
    id: `il_${ref}`,
    object: 'line_item',
    amount,
    currency: item.currency as string,
    description: (item.description as string | undefined) ?? null,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: (item.metadata as Record<string, string> | undefined) ?? {},
    parent: {
      type: 'invoice_item_details',
      invoice_item_details: {
        invoice_item: item.id as string,
        proration: false,
        proration_details: { credited_items: null },
        subscription: null,
      },
      subscription_item_details: null,
    },
    period: { start: at, end: at },
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: { price: `price_${ref}`, product: `prod_${ref}` },
      unit_amount_decimal: Stripe.Decimal.from(amount),
    },
    quantity: 1,
    quantity_decimal: Stripe.Decimal.from(1),
    subscription: null,
    subtotal: amount,
    taxes: [],
  } satisfies Stripe.InvoiceLineItem;
}

/**
 * A Stripe invoice (invoice.finalized, invoice.paid, invoice.payment_failed) as the fake Stripe holds it:
 * one Tollgate pushed, or one made at Stripe (FakeStripe.addInvoice). Its lines are the invoice items
 * pushed, its number the one Stripe gave it at finalization. `status` overrides its status (an event about
 * a state the fake has not reached).
 */
export function invoiceObject(fake: FakeStripe, invoiceId: string, status?: Stripe.Invoice.Status) {
  const inv = fake.invoices.get(invoiceId)!;
  const st = status ?? (inv.status as Stripe.Invoice.Status);
  const created = (inv.created as number | undefined) ?? Math.floor(Date.now() / 1000);
  const paid = st === 'paid';
  const amountDue = (inv.amount_due as number) ?? 0;
  return {
    id: inv.id as string,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Tollgate test',
    account_tax_ids: null,
    amount_due: amountDue,
    amount_overpaid: 0,
    amount_paid: paid ? amountDue : 0,
    amount_remaining: paid ? 0 : amountDue,
    amount_shipping: 0,
    application: null,
    attempt_count: paid ? 1 : 0,
    attempted: paid,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: 'manual',
    collection_method: 'send_invoice',
    created,
    currency: inv.currency as string,
    custom_fields: null,
    customer: inv.customer as string,
    customer_account: null,
    customer_address: null,
    customer_email: null,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: created + 30 * 86400,
    effective_at: created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: (inv.hosted_invoice_url as string | undefined) ?? null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: {
      object: 'list',
      data: (inv.lines as Record<string, unknown>[]).map((item) =>
        invoiceLineItem(item, inv.id as string, created),
      ),
      has_more: false,
      url: `/v1/invoices/${inv.id as string}/lines`,
    },
    livemode: false,
    metadata: (inv.metadata as Record<string, string> | undefined) ?? {},
    next_payment_attempt: null,
    // Stripe numbers an invoice when it is finalized (the fake does too).
    number: st === 'draft' ? null : ((inv.number as string | undefined) ?? null),
    on_behalf_of: null,
    parent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: created,
    period_start: created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: st,
    status_transitions: {
      finalized_at: created,
      marked_uncollectible_at: null,
      paid_at: paid ? Math.floor(Date.now() / 1000) : null,
      voided_at: null,
    },
    subtotal: amountDue,
    subtotal_excluding_tax: amountDue,
    test_clock: null,
    total: amountDue,
    total_discount_amounts: [],
    total_excluding_tax: amountDue,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  } satisfies Stripe.Invoice;
}
